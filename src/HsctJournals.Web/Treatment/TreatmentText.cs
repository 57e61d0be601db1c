using System.Globalization;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Treatment;

/// <summary>Parsing helpers for typed treatment input: ISO dates, numbers with a dot or a decimal comma, trimmed text.</summary>
public static class TreatmentText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Parses "2026-03-14" (also "14/03/2026" is refused: day and month order is ambiguous).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? ParseDate(string? text, string field, string what, FieldErrors errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, $"{what} is needed (YYYY-MM-DD).");
            return null;
        }
        if (TryParseDate(text, out var date) && date.Year is >= 1900 and <= 2200) return date;
        errors.Add(field, $"{what} \"{text.Trim()}\" is not a date; use YYYY-MM-DD, e.g. 2026-03-14.");
        return null;
    }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>"0.52", "0,52" (a decimal comma) or "1 300"; no thousands separators with commas.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (t.Contains(',') && !t.Contains('.') && t.Count(c => c == ',') == 1) t = t.Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static decimal? ParseDecimal(string? text, string field, string what, FieldErrors errors, decimal min, decimal max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!TryParseDecimal(text, out var value)) { errors.Add(field, $"{what} \"{text.Trim()}\" is not a number."); return null; }
        if (value < min || value > max) { errors.Add(field, $"{what} must be between {Number(min)} and {Number(max)}."); return null; }
        return value;
    }

    /// <summary>Trimmed text or null; too long adds an error.</summary>
    public static string? Clean(string? text, int max, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length > max) { errors.Add(field, $"At most {max} characters, please ({t.Length} now)."); return null; }
        return t;
    }
}
