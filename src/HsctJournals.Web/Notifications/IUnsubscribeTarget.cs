namespace HsctJournals.Web.Notifications;

/// <summary>
/// What one kind of unsubscribe link stops. Notifications seals and reads the links (<see cref="UnsubscribeTokens"/>);
/// the feature whose mail carries the link knows what it stops, and registers one of these.
/// </summary>
public interface IUnsubscribeTarget
{
    UnsubscribeKind Kind { get; }

    /// <summary>What the link stops, for the page ("e-mail about …").</summary>
    Task<string> DescribeAsync(int id, CancellationToken ct);

    /// <summary>Stops the mail; a link whose subject has gone is done already.</summary>
    Task UnsubscribeAsync(int id, CancellationToken ct);
}
