using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>Kinds of dated events and outcome scores (domain/hsct.md §4, §7, §8).</summary>
public enum TreatmentEventType
{
    Fever = 0,
    Infection = 1,
    Complication = 2,
    Transfusion = 3,
    Harvest = 4,
    Mri = 5,
    Relapse = 6,
    Edss = 7,
    TimedWalk = 8,
    NineHolePeg = 9,
    Sdmt = 10,
    Vaccination = 11,
}

/// <summary>
/// A dated event or score. <see cref="Value"/> means: temperature (°C) for a fever, CD34+
/// × 10⁶/kg for a harvest, the score for EDSS/SDMT, seconds for T25FW and 9HPT.
/// </summary>
public class TreatmentEvent
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public DateOnly Date { get; set; }
    public TreatmentEventType Type { get; set; }
    public decimal? Value { get; set; }
    /// <summary>CTCAE grade 1–5 (§7) for complications and infections.</summary>
    public int? Grade { get; set; }
    /// <summary>
    /// The coded product of a transfusion (domain/hsct.md §5). Null only for a transfusion recorded
    /// as free text before products were coded whose text was not recognised: the owner is asked.
    /// </summary>
    public TransfusionProduct? Product { get; set; }
    /// <summary>Infection or complication name, vaccine, MRI result; for a transfusion, optional words beside the product.</summary>
    public string? Detail { get; set; }
    public string? Note { get; set; }
    /// <summary>A fever's temperature as typed, e.g. "100.4 °F" (domain/hsct.md §6: store °C and the original).</summary>
    public string? EnteredAs { get; set; }
    public DateTime CreatedAt { get; set; }
}
