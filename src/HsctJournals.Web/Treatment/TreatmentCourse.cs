using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The transplant beside a journal. Day 0 (the reinfusion date the clinic states) drives every
/// day label, which is derived, never stored (domain/hsct.md §2). A second transplant is a new course.
/// </summary>
public class TreatmentCourse
{
    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    /// <summary>e.g. "RRMS".</summary>
    public string? Condition { get; set; }
    public string? Centre { get; set; }
    public string? Country { get; set; }
    /// <summary>e.g. "Cy/ATG".</summary>
    public string? Protocol { get; set; }
    /// <summary>Planned or actual reinfusion date; null until known.</summary>
    public DateOnly? DayZero { get; set; }
    public DateTime CreatedAt { get; set; }
}
