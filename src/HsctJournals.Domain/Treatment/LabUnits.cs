using System.Text;

namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Converts lab values to canonical units: counts to 10⁹/L, haemoglobin to g/dL, CD4 and CD34 to
/// cells/µL, neutrophils to %. Unknown units and impossible numbers are refused with a reason.
/// </summary>
public static class LabUnits
{
    // domain/hsct.md §6: 10⁹/L = 10³/µL = 10³/mm³ (labs also write K/µL, G/L).
    private static readonly HashSet<string> PerNanolitreSpellings =
    [
        "10^9/l", "10^9cells/l", "giga/l", "g/l", "gpt/l", "/nl", "1/nl",
        "10^3/ul", "k/ul", "thou/ul", "10^3cells/ul", "10^3/mm3", "k/mm3",
    ];

    // domain/hsct.md §6: "cells/µL" is ×1000 (0.5 × 10⁹/L = 500/µL); /mm³ = /µL; /µL = 10⁶/L.
    private static readonly HashSet<string> PerMicrolitreSpellings =
    [
        "cells/ul", "cell/ul", "/ul", "1/ul", "#/ul", "cells/mm3", "/mm3", "1/mm3", "10^6/l",
    ];

    private static readonly LabUnit CountsPerNanolitre = new("× 10⁹/L", 1m, PerNanolitreSpellings);
    private static readonly LabUnit CountsPerMicrolitre = new("cells/µL", 0.001m, PerMicrolitreSpellings);
    private static readonly LabUnit CellsPerMicrolitre = new("cells/µL", 1m, PerMicrolitreSpellings);
    private static readonly LabUnit CellsPerNanolitre = new("× 10⁹/L", 1000m, PerNanolitreSpellings);
    private static readonly LabUnit Percent = new("%", 1m, new HashSet<string> { "%", "percent", "pct" });
    private static readonly LabUnit GramsPerDecilitre = new("g/dL", 1m, new HashSet<string> { "g/dl", "g/100ml" });

    // domain/hsct.md §6: g/L = g/dL × 10.
    private static readonly LabUnit GramsPerLitre = new("g/L", 0.1m, new HashSet<string> { "g/l" });

    // domain/hsct.md §6: mmol/L ≈ g/dL × 0.6206 (Netherlands) — marked [U] there, not verified.
    private static readonly LabUnit MillimolesPerLitre = new("mmol/L", 1m / 0.6206m, new HashSet<string> { "mmol/l" });

    /// <summary>
    /// Converts <paramref name="value"/> in <paramref name="unit"/> to the canonical unit of
    /// <paramref name="analyte"/>. Spellings are forgiving: "10^9/L", "x10^9/L", "10*9/L", "10⁹/L",
    /// "K/uL", "K/µL", "G/L", "10^3/uL", "cells/µL", "/mm3", "g/dL", "g/L", "mmol/L", "%".
    /// Refuses unknown units, negative values and percentages above 100.
    /// Use <see cref="LabPlausibility.Check"/> afterwards to ask about suspicious values.
    /// </summary>
    public static ParseResult<CanonicalLabValue> ToCanonical(LabAnalyte analyte, decimal value, string? unit)
    {
        if (!Enum.IsDefined(analyte))
        {
            return ParseResult<CanonicalLabValue>.Failure("Unknown blood value.");
        }

        var definition = LabAnalyteCatalogue.Get(analyte);
        var accepted = AcceptedUnits(analyte);
        var hint = $"Use {string.Join(" or ", accepted.Select(u => u.Display).Distinct())}.";

        if (string.IsNullOrWhiteSpace(unit))
        {
            return ParseResult<CanonicalLabValue>.Failure($"The unit for {definition.Name} {NumberText.Measure(value)} is missing. {hint}");
        }

        if (value < 0)
        {
            return ParseResult<CanonicalLabValue>.Failure($"{definition.Name} cannot be negative ({NumberText.Measure(value)}).");
        }

        if (FindUnit(analyte, unit) is not { } found)
        {
            return ParseResult<CanonicalLabValue>.Failure($"\"{unit.Trim()}\" is not a unit for {definition.Name}. {hint}");
        }

        if (analyte == LabAnalyte.NeutrophilPercent && value > 100m)
        {
            return ParseResult<CanonicalLabValue>.Failure($"Neutrophils cannot be more than 100 % of white cells ({NumberText.Measure(value)} %).");
        }

        return ParseResult<CanonicalLabValue>.Success(
            new CanonicalLabValue(analyte, value * found.ToCanonical, definition.UcumUnit, value, unit.Trim()));
    }

    /// <summary>The unit families accepted for an analyte, the canonical one first.</summary>
    internal static IReadOnlyList<LabUnit> AcceptedUnits(LabAnalyte analyte) => analyte switch
    {
        LabAnalyte.Wbc or LabAnalyte.Anc or LabAnalyte.Lymphocytes or LabAnalyte.Platelets =>
            [CountsPerNanolitre, CountsPerMicrolitre],
        LabAnalyte.Cd4 or LabAnalyte.Cd34Blood => [CellsPerMicrolitre, CellsPerNanolitre],
        LabAnalyte.Haemoglobin => [GramsPerDecilitre, GramsPerLitre, MillimolesPerLitre],
        LabAnalyte.NeutrophilPercent => [Percent],
        _ => [],
    };

    /// <summary>The unit family an entered unit belongs to for this analyte, or null.</summary>
    internal static LabUnit? FindUnit(LabAnalyte analyte, string unit)
    {
        var key = Normalise(unit);
        return AcceptedUnits(analyte).FirstOrDefault(u => u.Spellings.Contains(key));
    }

    /// <summary>
    /// Lower-cases a unit and folds common spellings together: µ/μ/mc → u, ×/* /e → powers with ^,
    /// superscript digits → ^digit, "mm^3" → "mm3", a leading "x" dropped, spaces removed.
    /// "G/L" (giga) and "g/L" (grams) fold together; the analyte decides which is meant.
    /// </summary>
    internal static string Normalise(string unit)
    {
        var text = new StringBuilder();
        foreach (var c in unit.Trim())
        {
            switch (c)
            {
                case '\u00B5' or '\u03BC':
                    text.Append('u');
                    break;
                case '\u00D7':
                    text.Append('x');
                    break;
                case '\u2070': text.Append("^0"); break;
                case '\u00B9': text.Append("^1"); break;
                case '\u00B2': text.Append("^2"); break;
                case '\u00B3': text.Append("^3"); break;
                case '\u2074': text.Append("^4"); break;
                case '\u2075': text.Append("^5"); break;
                case '\u2076': text.Append("^6"); break;
                case '\u2077': text.Append("^7"); break;
                case '\u2078': text.Append("^8"); break;
                case '\u2079': text.Append("^9"); break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        text.Append(char.ToLowerInvariant(c));
                    }

                    break;
            }
        }

        var key = text.ToString()
            .Replace("10*", "10^", StringComparison.Ordinal)
            .Replace("10e", "10^", StringComparison.Ordinal)
            .Replace("10^+", "10^", StringComparison.Ordinal)
            .Replace("mcl", "ul", StringComparison.Ordinal)
            .Replace("litre", "l", StringComparison.Ordinal)
            .Replace("liter", "l", StringComparison.Ordinal)
            .Replace("mm^3", "mm3", StringComparison.Ordinal);

        // "x10^9/L", "*10^9/L", "x 10⁹/L": the multiplication sign carries no meaning.
        return key.Length > 1 && key[0] is 'x' or '*' ? key[1..] : key;
    }
}
