namespace HsctJournals.Domain.Treatment;

/// <summary>Human-readable names of <see cref="Phase"/> values for messages and labels.</summary>
public static class PhaseNames
{
    /// <summary>The lower-case name used inside sentences, e.g. "poor mobilisation".</summary>
    public static string Name(this Phase phase) => phase switch
    {
        Phase.Evaluation => "evaluation",
        Phase.Mobilisation => "mobilisation",
        Phase.PoorMobilisation => "poor mobilisation",
        Phase.Remobilisation => "re-mobilisation",
        Phase.Apheresis => "apheresis",
        Phase.Storage => "storage",
        Phase.Conditioning => "conditioning",
        Phase.Reinfusion => "reinfusion (Day 0)",
        Phase.Aplasia => "aplasia",
        Phase.Engraftment => "engraftment",
        Phase.Discharge => "discharge",
        Phase.Readmission => "readmission",
        Phase.EarlyRecovery => "early recovery",
        Phase.LongTermFollowUp => "long-term follow-up",
        Phase.DeclinedOrWithdrawn => "declined/withdrawn",
        Phase.GraftFailure => "graft failure",
        Phase.Death => "death",
        _ => "unknown phase",
    };

    /// <summary>The name with a capital first letter, e.g. "Poor mobilisation".</summary>
    public static string Title(this Phase phase)
    {
        var name = phase.Name();
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
