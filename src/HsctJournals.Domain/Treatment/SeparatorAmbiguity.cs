using System.Globalization;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Spots counts typed with a thousands separator that could also be a decimal separator, such as
/// "12,500" or "1.300" (domain/hsct.md §6: a separator followed by exactly three digits is
/// ambiguous; ask, suggesting the thousands reading for counts per µL or mm³, and never store it
/// silently as 12.5 cells/µL).
/// </summary>
/// <remarks>
/// Only counts are concerned: haemoglobin ("8,200 g/dL" is not a thing) and percentages are
/// read with a decimal comma as before. A leading zero ("0,500") can only be a decimal.
/// </remarks>
public static partial class SeparatorAmbiguity
{
    /// <summary>
    /// The question to ask about <paramref name="typed"/> for <paramref name="analyte"/> in
    /// <paramref name="unit"/>, or null when the number cannot be misread. The suggestions are
    /// canonical values, the suggested reading first.
    /// </summary>
    public static LabQuestion? Ask(LabAnalyte analyte, string? typed, string? unit)
    {
        if (typed is null || unit is null || !IsCount(analyte)) return null;
        var match = Pattern().Match(typed.Trim());
        if (!match.Success) return null;
        var whole = int.Parse(match.Groups["whole"].Value, CultureInfo.InvariantCulture);
        if (whole == 0) return null;
        if (LabUnits.FindUnit(analyte, unit) is not { } entered) return null;

        var digits = match.Groups["three"].Value;
        var thousands = whole * 1000m + int.Parse(digits, CultureInfo.InvariantCulture);
        var fraction = decimal.Parse($"{whole}.{digits}", CultureInfo.InvariantCulture);
        var definition = LabAnalyteCatalogue.Get(analyte);

        // Per µL (or mm³) a count in the thousands is what labs print (12 500/µL = 12.5 × 10⁹/L);
        // per nL (10⁹/L) a decimal is. Suggest the reading that fits the unit.
        var perMicrolitre = entered.Display == "cells/µL";
        var readings = perMicrolitre ? new[] { thousands, fraction } : [fraction, thousands];

        string Say(decimal value)
        {
            var text = $"{Spaced(value)} {entered.Display}";
            var canonical = value * entered.ToCanonical;
            return entered.ToCanonical == 1m ? text : $"{text} = {NumberText.Measure(canonical)} {definition.DisplayUnit}";
        }

        var question = $"{definition.Name} \"{typed.Trim()}\" {entered.Display} can be read two ways. "
            + $"Did you mean {Say(readings[0])}? Or {Say(readings[1])}? "
            + $"Type it without the separator ({Plain(readings[0])} or {Plain(readings[1])}) so it cannot be misread.";
        return new LabQuestion(question, readings.Select(r => r * entered.ToCanonical).ToList());
    }

    /// <summary>Counts, whose units per µL and per nL differ by a thousand.</summary>
    private static bool IsCount(LabAnalyte analyte) =>
        analyte is LabAnalyte.Wbc or LabAnalyte.Anc or LabAnalyte.Lymphocytes or LabAnalyte.Platelets or LabAnalyte.Cd4 or LabAnalyte.Cd34Blood;

    /// <summary>"12 500" with a thin no-break space, "12.5" as is.</summary>
    private static string Spaced(decimal value) =>
        value >= 1000m && value == decimal.Truncate(value)
            ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u202F", StringComparison.Ordinal)
            : NumberText.Measure(value);

    private static string Plain(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<whole>\d{1,3})[.,](?<three>\d{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
