namespace HsctJournals.Web.Treatment;

/// <summary>One lab value as typed in the daily form, a CSV row or a JSON item; text so it can be shown back.</summary>
public sealed class LabRowInput
{
    public string? Date { get; set; }
    public string? Time { get; set; }
    public string? Analyte { get; set; }
    public string? Value { get; set; }
    public string? Unit { get; set; }
    public string? ReferenceLow { get; set; }
    public string? ReferenceHigh { get; set; }
    public string? Note { get; set; }

    // Columns the labs CSV export adds (domain/hsct.md §6 round trip): checked against the row when present.
    /// <summary>The LOINC code; must be the analyte's.</summary>
    public string? Loinc { get; set; }
    /// <summary>The value in the canonical unit; must equal the converted value.</summary>
    public string? CanonicalValue { get; set; }
    /// <summary>The canonical UCUM unit; must be the analyte's.</summary>
    public string? Ucum { get; set; }

    /// <summary>A daily-form row left empty (its unit is pre-filled, so only the value counts).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Value);
}
