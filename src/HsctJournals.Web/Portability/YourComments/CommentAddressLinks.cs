using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability.YourComments;

/// <summary>
/// The signed link that proves a commenter without an account controls an address: the address,
/// sealed with the site's data-protection keys (shared by every node) and an expiry, so it cannot be
/// forged, altered or used after <see cref="PortabilityOptions.CommentLinkHours"/>. Nothing is stored.
/// </summary>
public sealed class CommentAddressLinks(IDataProtectionProvider provider, IOptions<PortabilityOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("HsctJournals.Portability.CommentAddress.v1").ToTimeLimitedDataProtector();

    public string For(string normalisedEmail) =>
        _protector.Protect(normalisedEmail, clock.GetUtcNow().AddHours(options.Value.CommentLinkHours));

    /// <summary>The address a link was made for, or null when it is forged, garbled or expired.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            var email = _protector.Unprotect(token, out var expires);
            return expires >= clock.GetUtcNow() ? email : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException) { return null; }
    }
}
