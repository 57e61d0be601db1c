namespace HsctJournals.Web.Treatment;

/// <summary>A revocable secret read-only link to the clinician summary (domain/hsct.md §11).</summary>
public class ClinicianLink
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public TreatmentCourse Course { get; set; } = null!;
    public required string Label { get; set; }
    /// <summary>SHA-256 of the secret; the secret itself is shown once.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public List<ClinicianLinkAccess> Accesses { get; set; } = [];
}

/// <summary>One use of a clinician link, shown to the owner.</summary>
public class ClinicianLinkAccess
{
    public long Id { get; set; }
    public int LinkId { get; set; }
    public DateTime At { get; set; }
}
