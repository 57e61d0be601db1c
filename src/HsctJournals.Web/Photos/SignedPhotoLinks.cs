using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HsctJournals.Domain.Photos;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Photos;

/// <summary>
/// Photo links for readers who cannot send a sign-in cookie: a secret feed's reader app, a follower's mail
/// program. The link names one variant and one person and carries an expiry and a keyed hash of the three
/// (<c>?access=expiry.userId.mac</c>), so it cannot be altered or moved to another photo. It opens the photo
/// only while that person may still see it (the access rule is asked again on every request), so taking a
/// reader off a journal closes their links at once; the expiry bounds a link that was forwarded.
/// </summary>
/// <remarks>
/// A keyed hash rather than Data Protection: the same link must come out on every node and every poll of a
/// feed that day, or a secret feed's ETag would change each time it is read.
/// </remarks>
public sealed class SignedPhotoLinks(IDataProtectionProvider protection, IKeyManager keys, TimeProvider clock, IOptions<PhotoOptions> options)
{
    /// <summary>The query parameter that carries the signature.</summary>
    public const string QueryName = "access";
    private const int MaxTokenLength = 300;
    private readonly Lazy<byte[]> _key = new(() => KeyRingSecret.Derive(protection, keys, "HsctJournals.Photos.SignedLinks.v1"));

    /// <summary>The query value that lets <paramref name="userId"/> fetch the variant <paramref name="variantHash"/>.</summary>
    public string Sign(string variantHash, string userId) =>
        Sign(variantHash, userId, SignedLinkExpiry.For(clock.GetUtcNow(), options.Value.SignedLinkDays));

    /// <summary>As <see cref="Sign(string, string)"/> with an explicit expiry.</summary>
    public string Sign(string variantHash, string userId, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds}.{userId}.{Mac(variantHash, userId, seconds)}";
    }

    /// <summary>The person a valid, unexpired token for <paramref name="variantHash"/> was made for; null for anything else.</summary>
    public string? ReaderOf(string? token, string variantHash)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return null;
        var expected = Encoding.ASCII.GetBytes(Mac(variantHash, parts[1], parts[0]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))) return null;
        return SignedLinkExpiry.IsValid(DateTimeOffset.FromUnixTimeSeconds(seconds), clock.GetUtcNow()) ? parts[1] : null;
    }

    private string Mac(string variantHash, string userId, string seconds) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{variantHash}\n{userId}\n{seconds}")));
}
