namespace HsctJournals.Domain.Comments;

/// <summary>
/// A sliding-window limit: at most <see cref="MaxEvents"/> events in any period of
/// <see cref="Window"/>. Pure: the caller supplies earlier timestamps (per hashed IP, per e-mail…)
/// from shared storage, so every app node applies the same limit.
/// </summary>
/// <remarks>
/// An event exactly <see cref="Window"/> old no longer counts. Timestamps in the future (clock
/// skew between nodes) count as if they happened now, so a skewed clock cannot block anyone for
/// longer than one window.
/// </remarks>
public sealed record RateLimitWindow
{
    /// <summary>Creates a limit of <paramref name="maxEvents"/> per <paramref name="window"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one event or a window that is not positive.</exception>
    public RateLimitWindow(int maxEvents, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        MaxEvents = maxEvents;
        Window = window;
    }

    /// <summary>A sensible default for comments: 5 per 10 minutes.</summary>
    public static RateLimitWindow CommentsDefault { get; } = new(5, TimeSpan.FromMinutes(10));

    /// <summary>Most events allowed in any window.</summary>
    public int MaxEvents { get; }

    /// <summary>The length of the sliding window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether one more event is allowed at <paramref name="now"/>, and if not, how long until it is.</summary>
    /// <param name="previous">Earlier events in any order; older ones are ignored.</param>
    /// <param name="now">The time of the event being checked.</param>
    public RateLimitDecision Check(IEnumerable<DateTimeOffset> previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var windowStart = now - Window;
        var inWindow = previous
            .Where(t => t > windowStart)
            .Select(t => t > now ? now : t)
            .OrderBy(t => t)
            .ToList();

        if (inWindow.Count < MaxEvents)
        {
            return RateLimitDecision.Allowed;
        }

        // Once this event leaves the window, MaxEvents - 1 remain and one more fits.
        var mustExpire = inWindow[inWindow.Count - MaxEvents];
        return RateLimitDecision.RetryAfter(mustExpire + Window - now);
    }
}
