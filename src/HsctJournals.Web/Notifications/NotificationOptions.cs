namespace HsctJournals.Web.Notifications;

/// <summary>How the background sender polls, retries and when the daily digest goes out.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Seconds between looks at the outbox when nothing signals new work (fractions allowed).</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>
    /// After a signal (a write queued mail), wait this long before claiming, so that mail queued by the writes right
    /// after it goes out in the same batch (one claim and one "sent" update for many messages, decision 0055).
    /// </summary>
    public double GatherMilliseconds { get; set; } = 100;
    /// <summary>Messages claimed at a time by one node.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>First retry delay; each further failure doubles it (capped at <see cref="MaxRetryDelay"/>).</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    /// <summary>After this many failed attempts a message is left unsent with its last error, for an operator to look at.</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>How long a claim lasts; a node that dies mid-batch releases its messages when it passes.</summary>
    public double LeaseSeconds { get; set; } = 300;
    /// <summary>Time of day (UTC) after which each daily-digest follower gets that day's digest.</summary>
    public TimeSpan DigestTimeUtc { get; set; } = new(7, 0, 0);
    /// <summary>Posts that went live longer ago than this when first noticed (imports, back-dated posts) are not mailed.</summary>
    public double AnnounceWithinHours { get; set; } = 72;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    /// <summary>Delay before the next try after <paramref name="attempts"/> failed attempts: base × 2^(attempts−1), capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Max(attempts - 1, 0));
        return seconds >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(seconds);
    }

    public bool IsValid() =>
        PollSeconds > 0 && GatherMilliseconds is >= 0 and <= 10_000 && BatchSize is > 0 and <= 500 && RetryBaseSeconds > 0 && MaxAttempts > 0 && LeaseSeconds > 0
        && DigestTimeUtc >= TimeSpan.Zero && DigestTimeUtc < TimeSpan.FromDays(1) && AnnounceWithinHours > 0;
}
