using System.Threading.RateLimiting;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Issue 8, fix 5: per-account slowing of password guessing instead of Identity's hard lockout. Each address
/// typed into the sign-in form or the token endpoint gets <see cref="LoginLimitOptions.AccountAttemptsPerWindow"/>
/// tries per window, whether or not it has an account (so the limit tells nobody who is registered). A browser
/// the owner has signed in with before carries a "recognised device" cookie for that account and is not counted,
/// so a stranger guessing the password slows the stranger and never locks the owner out. Counted through
/// <see cref="SharedRateLimit"/>, so across nodes when Redis is configured. See decision 0025.
/// </summary>
public sealed class AccountThrottle(IOptions<LoginLimitOptions> options, IOptions<SiteOptions> site, IDataProtectionProvider protection) : IDisposable
{
    /// <summary>The cookie that marks a browser where an account has signed in.</summary>
    public const string DeviceCookie = ".HsctJournals.Device";

    private readonly IDataProtector _protector = protection.CreateProtector("HsctJournals.Accounts.RecognisedDevice.v1");

    private readonly PartitionedRateLimiter<(HttpContext Http, string Account)> _limiter =
        PartitionedRateLimiter.Create<(HttpContext Http, string Account), string>(attempt =>
            SharedRateLimit.FixedWindow(attempt.Http, $"login-account:{attempt.Account}",
                options.Value.AccountAttemptsPerWindow, TimeSpan.FromSeconds(options.Value.AccountWindowSeconds)));

    /// <summary>True when a password may be tried for <paramref name="email"/> now; otherwise how many seconds to wait.</summary>
    public async Task<(bool Allowed, int RetryAfterSeconds)> TryAttemptAsync(HttpContext http, string email)
    {
        var account = Normalise(email);
        if (IsRecognised(http, account)) return (true, 0);
        using var lease = await _limiter.AcquireAsync((http, account), 1, http.RequestAborted);
        if (lease.IsAcquired) return (true, 0);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(options.Value.AccountWindowSeconds);
        return (false, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
    }

    /// <summary>
    /// For forms that check the current password of a signed-in account (e-mail and password change): the same
    /// per-account budget as signing in, so a borrowed session cannot be used to guess the password either. Null
    /// when the try may go ahead; otherwise the message to show, with 429 and Retry-After set on the response.
    /// </summary>
    public async Task<string?> RefusePasswordTryAsync(HttpContext http, string email)
    {
        var (allowed, retryAfter) = await TryAttemptAsync(http, email);
        if (allowed) return null;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"Too many password tries for this account. Please wait {retryAfter} seconds and try again.";
    }

    /// <summary>Marks this browser as one where the account with <paramref name="email"/> has signed in.</summary>
    public void RememberDevice(HttpContext http, string email) =>
        http.Response.Cookies.Append(DeviceCookie, _protector.Protect(Normalise(email)), new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Path = "/",
            Secure = http.Request.IsHttps || site.Value.IsHttps, MaxAge = TimeSpan.FromDays(365),
        });

    private bool IsRecognised(HttpContext http, string account)
    {
        if (!http.Request.Cookies.TryGetValue(DeviceCookie, out var value) || string.IsNullOrEmpty(value)) return false;
        try { return _protector.Unprotect(value) == account; }
        catch (System.Security.Cryptography.CryptographicException) { return false; }
    }

    // The same folding as Identity's UpperInvariantLookupNormalizer, so "Ann@x" and "ann@x" share one count.
    private static string Normalise(string email) => email.Trim().ToUpperInvariant();

    public void Dispose() => _limiter.Dispose();
}
