namespace HsctJournals.Web.Treatment;

/// <summary>A disease-modifying therapy taken before the transplant (domain/hsct.md §9).</summary>
public class PriorTherapy
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    /// <summary>Generic name, e.g. "ocrelizumab".</summary>
    public required string GenericName { get; set; }
    /// <summary>Brand, e.g. "Ocrevus".</summary>
    public string? Brand { get; set; }
    public DateOnly? Started { get; set; }
    public DateOnly? Stopped { get; set; }
    public DateOnly? LastDose { get; set; }
    public string? ReasonStopped { get; set; }
}
