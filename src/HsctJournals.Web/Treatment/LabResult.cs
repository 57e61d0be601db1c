using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// One lab value (domain/hsct.md §6, §10): the original value and unit as entered, the canonical
/// value with its LOINC code and UCUM unit, and the lab's own reference range when given.
/// </summary>
public class LabResult
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    /// <summary>The calendar date the sample was drawn, in the owner's time zone.</summary>
    public DateOnly Date { get; set; }
    public TimeOnly? Time { get; set; }
    public LabAnalyte Analyte { get; set; }
    public decimal OriginalValue { get; set; }
    public required string OriginalUnit { get; set; }
    public decimal Value { get; set; }
    public required string Loinc { get; set; }
    public required string Ucum { get; set; }
    public decimal? ReferenceLow { get; set; }
    public decimal? ReferenceHigh { get; set; }
    public string? Note { get; set; }
    /// <summary>date|time|analyte|value|unit: the same row imported twice is the same result.</summary>
    public required string NaturalKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
