namespace HsctJournals.Web.Notifications;

/// <summary>
/// Wakes this node's sender right after a write that queued mail, so it need not wait for the
/// next poll. Only a hint: other nodes (and this one, if the signal is missed) still poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }

    /// <summary>Waits for a signal or until <paramref name="timeout"/> passes; true if it was signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
