using HsctJournals.Web.Shared;
namespace HsctJournals.Web.Accounts;

/// <summary>
/// When a passkey last signed someone in. Identity's passkey record has no such date, and people need it to tell
/// which of their passkeys are still in use (the passkeys page, "Download your data"); decision 0043.
/// </summary>
public class PasskeyUse
{
    /// <summary>The passkey's credential id (public, like the one in AspNetUserPasskeys; never key material).</summary>
    public required byte[] CredentialId { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public DateTime LastUsedAt { get; set; }
}
