using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// One signed-in browser. The sign-in cookie carries a random secret; only its SHA-256 hash is stored
/// (decision 0005), so ending the row ends the session on every node, whatever the cookie says.
/// </summary>
public class UserSession
{
    /// <summary>Hex SHA-256 of the secret in the cookie; also how the Sessions page names a session.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    /// <summary>The user's security stamp when this session last signed in or refreshed; an older one means it has ended.</summary>
    public required string Stamp { get; set; }
    /// <summary>A short name for the browser, e.g. "Firefox on Android" (never the full User-Agent, never the IP address).</summary>
    public required string Device { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    /// <summary>
    /// The credential id of the passkey this session signed in with, or null for any other way in: removing that
    /// passkey ends the session (decision 0043). An id is public (the browser sends it with every assertion), not key material.
    /// </summary>
    public byte[]? PasskeyId { get; set; }

    public const int DeviceMaxLength = 60;
    /// <summary>WebAuthn credential ids are at most 1,023 bytes (WebAuthn Level 3, §5.1).</summary>
    public const int PasskeyIdMaxLength = 1024;
}
