namespace HsctJournals.Domain.Treatment;

/// <summary>The answer to "may this phase follow the current one?", with a reason when not.</summary>
public sealed record PhaseTransition
{
    private PhaseTransition(bool isAllowed, string? reason)
    {
        IsAllowed = isAllowed;
        Reason = reason;
    }

    /// <summary>True when the proposed phase may start.</summary>
    public bool IsAllowed { get; }

    /// <summary>Why the transition was refused, as a sentence for the user; null when allowed.</summary>
    public string? Reason { get; }

    /// <summary>An allowed transition.</summary>
    public static PhaseTransition Allowed { get; } = new(true, null);

    /// <summary>A refused transition with its reason.</summary>
    public static PhaseTransition Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new PhaseTransition(false, reason);
    }
}
