using System.Security.Cryptography;
using System.Text;

namespace HsctJournals.Web.Shared;

/// <summary>
/// Secrets for links and tokens (API tokens, feed URLs, invitations): random, URL-safe, and
/// stored only as a SHA-256 hash so a database leak does not leak working links.
/// </summary>
public static class SecretTokens
{
    /// <summary>A new 256-bit URL-safe secret, optionally with a readable prefix.</summary>
    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lower-case hex SHA-256 of the secret, as stored.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
}
