namespace HsctJournals.Web.Notifications;

/// <summary>
/// A side effect (an e-mail) written in the same transaction as the change that causes it
/// (design invariant 5) and delivered later by the background sender, with retries.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>What to send, e.g. "comment.owner", "comment.reply", "post.follower", "follow.confirm", "digest".</summary>
    public required string Type { get; set; }
    /// <summary>JSON with what the sender needs.</summary>
    public required string Payload { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>A node that claimed the row sets this; others skip it until it passes.</summary>
    public DateTime? LockedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
