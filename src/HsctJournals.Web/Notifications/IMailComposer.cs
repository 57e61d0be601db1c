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

    Task<IReadOnlyList<OutgoingMail>> ComposeAsync(OutboxMessage message, CancellationToken ct);
}
