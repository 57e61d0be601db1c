using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// A per-reader secret feed URL for a journal that anonymous readers cannot see
/// (ApprovedReaders / Private). The feed is served as if the token's user were reading,
/// so revoking the token or the membership stops it.
/// </summary>
public class FeedToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    /// <summary>Hex SHA-256 of the secret in the URL.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
