using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// One recorded phase of the pathway (domain/hsct.md §1), in the order entered. Each new one is
/// checked against the previous by <see cref="PhaseMachine"/>.
/// </summary>
public class PhaseRecord
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Phase Phase { get; set; }
    /// <summary>When it was planned to start.</summary>
    public DateOnly? Planned { get; set; }
    /// <summary>When it actually started; null while only planned.</summary>
    public DateOnly? Started { get; set; }
    public string? Note { get; set; }
    /// <summary>The date the state machine compares: the actual start, else the planned one.</summary>
    public DateOnly EffectiveDate => Started ?? Planned ?? DateOnly.MinValue;
}
