using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Turns one typed lab row into a <see cref="LabResult"/> with the domain rules: the analyte by
/// name or LOINC (<see cref="LabAnalyteCatalogue"/>), the unit conversion (<see cref="LabUnits"/>)
/// and the plausibility questions (<see cref="LabPlausibility"/>, domain/hsct.md §6). The same
/// path serves the daily form, CSV/TSV import and the JSON API.
/// </summary>
public static class LabRows
{
    /// <summary>The result, or why the row is refused, plus questions to confirm before storing.</summary>
    public sealed record Checked(LabResult? Result, string? Error, IReadOnlyList<LabQuestion> Questions);

    public static Checked Check(int courseId, LabRowInput row, DateTime now)
    {
        if (!TreatmentText.TryParseDate(row.Date, out var date) || date.Year is < 1900 or > 2200)
            return Fail(string.IsNullOrWhiteSpace(row.Date) ? "The date is missing (YYYY-MM-DD)." : $"\"{row.Date!.Trim()}\" is not a date; use YYYY-MM-DD.");
        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(row.Time))
        {
            if (!TreatmentText.TryParseTime(row.Time, out var t)) return Fail($"\"{row.Time.Trim()}\" is not a time; use HH:mm, e.g. 07:30.");
            time = t;
        }
        var analyte = LabAnalyteCatalogue.Parse(row.Analyte);
        if (!analyte.IsSuccess) return Fail(analyte.Error);
        var name = LabAnalyteCatalogue.Get(analyte.Value).Name;
        if (string.IsNullOrWhiteSpace(row.Value)) return Fail($"The value for {name} is missing.");
        if (!TreatmentText.TryParseDecimal(row.Value, out var value)) return Fail($"{name}: \"{row.Value.Trim()}\" is not a number.");
        if (row.Unit?.Trim().Length > 40) return Fail($"{name}: the unit is too long.");
        var canonical = LabUnits.ToCanonical(analyte.Value, value, row.Unit);
        if (!canonical.IsSuccess) return Fail(canonical.Error);
        // domain/hsct.md §6: "12,500" cells/µL is never stored silently as 12.5; the person says which.
        if (SeparatorAmbiguity.Ask(analyte.Value, row.Value, row.Unit) is { } ambiguous) return Fail(ambiguous.Text);
        var definition = LabAnalyteCatalogue.Get(analyte.Value);
        if (ExportColumnsError(row, definition, canonical.Value.Value) is { } mismatch) return Fail(mismatch);
        decimal? low = null, high = null;
        if (!string.IsNullOrWhiteSpace(row.ReferenceLow))
        {
            if (!TreatmentText.TryParseDecimal(row.ReferenceLow, out var l) || l < 0) return Fail($"{name}: the reference range's lower end \"{row.ReferenceLow.Trim()}\" is not a number.");
            low = l;
        }
        if (!string.IsNullOrWhiteSpace(row.ReferenceHigh))
        {
            if (!TreatmentText.TryParseDecimal(row.ReferenceHigh, out var h) || h < 0) return Fail($"{name}: the reference range's upper end \"{row.ReferenceHigh.Trim()}\" is not a number.");
            high = h;
        }
        if (low > high) return Fail($"{name}: the reference range's lower end is above its upper end.");
        // One line ending everywhere, so a note exported with CRLF reads back unchanged.
        var note = row.Note?.Trim().ReplaceLineEndings("\n");
        if (note?.Length > 300) return Fail($"{name}: the note is longer than 300 characters.");
        var result = new LabResult
        {
            CourseId = courseId, Date = date, Time = time, Analyte = analyte.Value,
            OriginalValue = value, OriginalUnit = canonical.Value.OriginalUnit, Value = canonical.Value.Value,
            Loinc = definition.Loinc, Ucum = definition.UcumUnit, ReferenceLow = low, ReferenceHigh = high,
            Note = string.IsNullOrEmpty(note) ? null : note, CreatedAt = now,
            NaturalKey = Key(date, time, analyte.Value, value, canonical.Value.OriginalUnit),
        };
        return new Checked(result, null, LabPlausibility.Check(canonical.Value));
    }

    /// <summary>date|time|analyte|value|unit — what makes two rows "the same" on re-import.</summary>
    public static string Key(DateOnly date, TimeOnly? time, LabAnalyte analyte, decimal value, string unit) =>
        $"{TreatmentText.Iso(date)}|{time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}|{analyte}|{TreatmentText.Number(value)}|{unit.Trim().ToLowerInvariant()}";

    /// <summary>
    /// The export's extra columns (loinc, canonical_value, ucum) must agree with the row, so an edited
    /// export cannot say one thing in one column and another in the next. The day column is not
    /// checked: it follows the Day 0 of the course the rows are imported into.
    /// </summary>
    private static string? ExportColumnsError(LabRowInput row, LabAnalyteDefinition definition, decimal canonical)
    {
        var name = definition.Name;
        if (!string.IsNullOrWhiteSpace(row.Loinc) && row.Loinc.Trim() != definition.Loinc)
            return $"{name}: the LOINC code \"{row.Loinc.Trim()}\" is not {name}'s ({definition.Loinc}).";
        if (!string.IsNullOrWhiteSpace(row.Ucum) && row.Ucum.Trim() != definition.UcumUnit)
            return $"{name}: the canonical unit \"{row.Ucum.Trim()}\" is not {name}'s ({definition.UcumUnit}).";
        if (!string.IsNullOrWhiteSpace(row.CanonicalValue)
            && (!TreatmentText.TryParseDecimal(row.CanonicalValue, out var given) || Math.Round(given, 6) != Math.Round(canonical, 6)))
            return $"{name}: the canonical value \"{row.CanonicalValue.Trim()}\" does not match the value and unit ({TreatmentText.Number(canonical)} {definition.UcumUnit}).";
        return null;
    }

    private static Checked Fail(string error) => new(null, error, []);
}
