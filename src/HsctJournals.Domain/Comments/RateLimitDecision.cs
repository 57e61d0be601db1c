namespace HsctJournals.Domain.Comments;

/// <summary>The answer of <see cref="RateLimitWindow.Check"/>.</summary>
/// <param name="IsAllowed">The event may go ahead.</param>
/// <param name="RetryAfterDelay">When not allowed, how long until it would be (positive); zero when allowed.</param>
public readonly record struct RateLimitDecision(bool IsAllowed, TimeSpan RetryAfterDelay)
{
    /// <summary>The event may go ahead.</summary>
    public static RateLimitDecision Allowed { get; } = new(true, TimeSpan.Zero);

    /// <summary>The event must wait <paramref name="delay"/>.</summary>
    public static RateLimitDecision RetryAfter(TimeSpan delay) => new(false, delay);

    /// <summary>The delay in whole seconds, rounded up, for a Retry-After header or a message.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(RetryAfterDelay.TotalSeconds);
}
