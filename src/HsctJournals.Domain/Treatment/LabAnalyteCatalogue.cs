using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Treatment;

/// <summary>
/// The tracked analytes with their LOINC codes and canonical units, and a parser for the names
/// people and lab printouts use.
/// </summary>
public static partial class LabAnalyteCatalogue
{
    // domain/hsct.md §10: LOINC codes and UCUM units. Counts are canonical in 10*9/L, haemoglobin
    // in g/dL (the unit of the §6 thresholds), CD4 and CD34 in /uL.
    private static readonly LabAnalyteDefinition[] Definitions =
    [
        new(LabAnalyte.Wbc, "WBC", "6690-2", "10*9/L", "× 10⁹/L"),
        new(LabAnalyte.Anc, "ANC", "751-8", "10*9/L", "× 10⁹/L"),
        new(LabAnalyte.NeutrophilPercent, "Neutrophils %", "770-8", "%", "%"),
        new(LabAnalyte.Lymphocytes, "Lymphocytes", "731-0", "10*9/L", "× 10⁹/L"),
        new(LabAnalyte.Platelets, "Platelets", "777-3", "10*9/L", "× 10⁹/L"),
        new(LabAnalyte.Haemoglobin, "Haemoglobin", "718-7", "g/dL", "g/dL"),
        new(LabAnalyte.Cd4, "CD4", "24467-3", "/uL", "cells/µL"),
        new(LabAnalyte.Cd34Blood, "CD34 (blood)", "42808-4", "/uL", "cells/µL"),
    ];

    // Keys are lower case with spaces, dots and brackets removed (see Key).
    private static readonly Dictionary<string, LabAnalyte> Names = new(StringComparer.Ordinal)
    {
        ["wbc"] = LabAnalyte.Wbc,
        ["whitecells"] = LabAnalyte.Wbc,
        ["whitebloodcells"] = LabAnalyte.Wbc,
        ["whitecellcount"] = LabAnalyte.Wbc,
        ["leukocytes"] = LabAnalyte.Wbc,
        ["leucocytes"] = LabAnalyte.Wbc,

        ["anc"] = LabAnalyte.Anc,
        ["neutrophils"] = LabAnalyte.Anc,
        ["neutrophil"] = LabAnalyte.Anc,
        ["neutrophilcount"] = LabAnalyte.Anc,
        ["absoluteneutrophilcount"] = LabAnalyte.Anc,
        ["neut"] = LabAnalyte.Anc,
        ["neuts"] = LabAnalyte.Anc,

        ["neutrophils%"] = LabAnalyte.NeutrophilPercent,
        ["neutrophil%"] = LabAnalyte.NeutrophilPercent,
        ["neut%"] = LabAnalyte.NeutrophilPercent,
        ["%neutrophils"] = LabAnalyte.NeutrophilPercent,
        ["neutrophilpercent"] = LabAnalyte.NeutrophilPercent,

        ["lymphocytes"] = LabAnalyte.Lymphocytes,
        ["lymphocyte"] = LabAnalyte.Lymphocytes,
        ["lymphs"] = LabAnalyte.Lymphocytes,
        ["lymph"] = LabAnalyte.Lymphocytes,
        ["lymphocytecount"] = LabAnalyte.Lymphocytes,
        ["alc"] = LabAnalyte.Lymphocytes,

        ["platelets"] = LabAnalyte.Platelets,
        ["platelet"] = LabAnalyte.Platelets,
        ["plateletcount"] = LabAnalyte.Platelets,
        ["plt"] = LabAnalyte.Platelets,
        ["plts"] = LabAnalyte.Platelets,
        ["thrombocytes"] = LabAnalyte.Platelets,

        ["hb"] = LabAnalyte.Haemoglobin,
        ["hgb"] = LabAnalyte.Haemoglobin,
        ["haemoglobin"] = LabAnalyte.Haemoglobin,
        ["hemoglobin"] = LabAnalyte.Haemoglobin,

        ["cd4"] = LabAnalyte.Cd4,
        ["cd4+"] = LabAnalyte.Cd4,
        ["cd4count"] = LabAnalyte.Cd4,
        ["cd3+cd4+"] = LabAnalyte.Cd4,

        ["cd34"] = LabAnalyte.Cd34Blood,
        ["cd34+"] = LabAnalyte.Cd34Blood,
        ["bloodcd34"] = LabAnalyte.Cd34Blood,
        ["bloodcd34+"] = LabAnalyte.Cd34Blood,
        ["cd34blood"] = LabAnalyte.Cd34Blood,
    };

    /// <summary>All tracked analytes in display order.</summary>
    public static IReadOnlyList<LabAnalyteDefinition> All => Definitions;

    /// <summary>The definition of <paramref name="analyte"/>.</summary>
    public static LabAnalyteDefinition Get(LabAnalyte analyte) =>
        Array.Find(Definitions, d => d.Analyte == analyte)
        ?? throw new ArgumentOutOfRangeException(nameof(analyte), analyte, "Not a tracked analyte.");

    /// <summary>
    /// Recognises an analyte by name, case-insensitively ("WBC", "ANC", "neutrophils",
    /// "Neutrophils %", "PLT", "Hb", "hemoglobin", "CD4", "CD34", …) or by LOINC code
    /// ("751-8", "LOINC 751-8").
    /// </summary>
    public static ParseResult<LabAnalyte> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<LabAnalyte>.Failure("Which blood value is this? The analyte name is empty.");
        }

        var trimmed = text.Trim();
        var loinc = LoincPattern().Match(trimmed);
        if (loinc.Success)
        {
            var code = loinc.Groups["code"].Value;
            var byCode = Array.Find(Definitions, d => d.Loinc == code);
            return byCode is null
                ? ParseResult<LabAnalyte>.Failure($"LOINC {code} is not one of the tracked blood values.")
                : ParseResult<LabAnalyte>.Success(byCode.Analyte);
        }

        return Names.TryGetValue(Key(trimmed), out var analyte)
            ? ParseResult<LabAnalyte>.Success(analyte)
            : ParseResult<LabAnalyte>.Failure(
                $"\"{trimmed}\" is not a known blood value. Try WBC, ANC, neutrophils %, lymphocytes, platelets, Hb, CD4, CD34 or a LOINC code.");
    }

    private static string Key(string text) =>
        new(text.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '(' or ')' or '_' or '-')).ToArray());

    [GeneratedRegex(@"^(?:loinc\s*:?\s*)?(?<code>\d{1,7}-\d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoincPattern();
}
