using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using HsctJournals.Web.Shared;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Accounts;

/// <summary>Limits for the sign-in form, bound from the "LoginLimit" configuration section.</summary>
public sealed class LoginLimitOptions
{
    public const string Section = "LoginLimit";

    /// <summary>Sign-in attempts (POSTs of the login form) one client address may make per window.</summary>
    [Range(1, 100_000)]
    public int AttemptsPerWindow { get; set; } = 20;

    /// <summary>Length of the window in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Password tries per window for one e-mail address from browsers it has not signed in with before
    /// (sign-in form and token endpoint together; see <see cref="AccountThrottle"/>).</summary>
    [Range(1, 100_000)]
    public int AccountAttemptsPerWindow { get; set; } = 10;

    /// <summary>Length of the per-address window in seconds.</summary>
    [Range(1, 86_400)]
    public int AccountWindowSeconds { get; set; } = 900;
}

/// <summary>
/// A per-IP limit on the sign-in form, like the token endpoint's (issue 8, fix 5): password guessing from one
/// address is slowed whichever accounts it tries. Counted with <see cref="SharedRateLimit"/>, so in Redis
/// across every node when <c>Cache:Redis</c> is set. It is checked in the page rather than by the rate-limiting
/// middleware so the refused form is shown again with a clear message and the address kept.
/// </summary>
public sealed class LoginRateLimit(IOptions<LoginLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        SharedRateLimit.FixedWindow(http, $"login:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
            options.Value.AttemptsPerWindow, TimeSpan.FromSeconds(options.Value.WindowSeconds)));

    /// <summary>True when this attempt may go ahead; otherwise how many seconds to wait.</summary>
    public async Task<(bool Allowed, int RetryAfterSeconds)> TryAttemptAsync(HttpContext http)
    {
        using var lease = await _limiter.AcquireAsync(http, 1, http.RequestAborted);
        if (lease.IsAcquired) return (true, 0);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(options.Value.WindowSeconds);
        return (false, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
    }

    public void Dispose() => _limiter.Dispose();
}
