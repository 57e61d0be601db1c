namespace HsctJournals.Web.Notifications;

/// <summary>
/// Turns one outbox message of a <see cref="Type"/> into the e-mails it means, applying the
/// rules that decide who gets mail as they stand at send time (settings, statuses, access).
/// An empty list means "nothing to send any more" and the message is marked done.
/// </summary>
public interface IMailComposer
{
    /// <summary>Outbox message types this composer handles.</summary>
    IReadOnlyCollection<string> Types { get; }

    /// <summary>
    /// Called once per claimed batch, before any of it is composed, with the batch's messages of this composer's
    /// <see cref="Types"/>: a composer may read what they all need in one query instead of one per message
    /// (decision 0055). If it throws, each message is composed on its own.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => Task.CompletedTask;

    Task<IReadOnlyList<OutgoingMail>> ComposeAsync(OutboxMessage message, CancellationToken ct);
}
