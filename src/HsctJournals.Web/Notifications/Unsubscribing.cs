namespace HsctJournals.Web.Notifications;

/// <summary>
/// The unsubscribe page's use case: reads the link and hands it to the feature that knows what it stops
/// (<see cref="IUnsubscribeTarget"/>). A forged, garbled or unknown link is "not valid" (null / false).
/// </summary>
public sealed class Unsubscribing(UnsubscribeTokens tokens, IEnumerable<IUnsubscribeTarget> targets)
{
    /// <summary>What an unsubscribe link stops, described for the page; null when the link is not valid.</summary>
    public async Task<string?> DescribeAsync(string? token, CancellationToken ct) =>
        Find(token) is var (target, id) ? await target.DescribeAsync(id, ct) : null;

    /// <summary>Stops the mail a link is for. False when the link is not valid.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (Find(token) is not var (target, id)) return false;
        await target.UnsubscribeAsync(id, ct);
        return true;
    }

    private (IUnsubscribeTarget, int)? Find(string? token) =>
        tokens.Read(token) is var (kind, id) && targets.FirstOrDefault(t => t.Kind == kind) is { } target ? (target, id) : null;
}
