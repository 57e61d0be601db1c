using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The transplant beside a journal. Day 0 (the reinfusion date the clinic states) drives every
/// day label, which is derived, never stored (domain/hsct.md §2). A second transplant is a new course.
/// Private by default, even in a public journal (§11): see <see cref="Sharing"/>.
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
    /// <summary>The clinic's own protocol day 1 (e.g. admission), shown as a second label (§0).</summary>
    public DateOnly? ProtocolStart { get; set; }
    /// <summary>The number the clinic gives <see cref="ProtocolStart"/>; 1 unless they say otherwise.</summary>
    public int ProtocolFirstDay { get; set; } = 1;
    /// <summary>Who may see the treatment data besides the owner (§11); owner only by default.</summary>
    public TreatmentSharing Sharing { get; set; } = TreatmentSharing.OwnerOnly;
    /// <summary>Engraftment as the clinic declared it, stored beside the computed dates (§5).</summary>
    public DateOnly? DeclaredNeutrophilEngraftment { get; set; }
    public DateOnly? DeclaredPlateletEngraftment { get; set; }
    /// <summary>
    /// The CD34+ dose infused on Day 0, × 10⁶ cells/kg, as the clinic reported it (domain/hsct.md §4);
    /// null when not entered. It can differ from the harvest total (part of a harvest kept back, or a second bag).
    /// </summary>
    public decimal? InfusedCd34PerKg { get; set; }
    /// <summary>SHA-256 of the secret in the follow-up calendar's subscription URL; null when none was made.</summary>
    public string? CalendarTokenHash { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<DrugLine> Drugs { get; set; } = [];
    public List<PriorTherapy> PriorTherapies { get; set; } = [];
    public List<PhaseRecord> Phases { get; set; } = [];
    public List<LabResult> Labs { get; set; } = [];
    public List<TreatmentEvent> Events { get; set; } = [];
    public List<FollowUpItem> FollowUps { get; set; } = [];
    public List<ClinicianLink> ClinicianLinks { get; set; } = [];
}
