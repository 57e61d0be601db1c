using System.Threading.RateLimiting;
using HsctJournals.Web.Shared;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability.YourComments;

/// <summary>
/// How often "Your comments" links may be asked for: per client address (someone trying many
/// addresses) and per e-mail address (someone filling one inbox). Counted across nodes like every
/// limit here (<see cref="SharedRateLimit"/>). Checked inside the page, so a refused request gets the
/// form back with a message and what was typed, not a bare 429.
/// </summary>
public sealed class CommentLinkRateLimit(IOptions<PortabilityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(HttpContext Http, string Key)> _limiter = PartitionedRateLimiter.Create<(HttpContext Http, string Key), string>(
        request => request.Key.StartsWith("ip:", StringComparison.Ordinal)
            ? SharedRateLimit.FixedWindow(request.Http, "your-comments:" + request.Key, options.Value.CommentLinksPerClient, TimeSpan.FromMinutes(15))
            : SharedRateLimit.FixedWindow(request.Http, "your-comments:" + request.Key, options.Value.CommentLinksPerAddress, TimeSpan.FromHours(1)));

    /// <summary>False when this client asked too often.</summary>
    public async Task<bool> ClientMayAskAsync(HttpContext http, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync((http, "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")), 1, ct);
        return lease.IsAcquired;
    }

    /// <summary>False when this address got enough links lately; the page answers the same either way.</summary>
    public async Task<bool> AddressMayGetMailAsync(HttpContext http, string normalisedEmail, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync((http, "mail:" + normalisedEmail), 1, ct);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
