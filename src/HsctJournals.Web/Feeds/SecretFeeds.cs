using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Feeds;

/// <summary>
/// Per-reader secret feed URLs for journals anonymous readers cannot see. Only the hash of the secret is stored,
/// so the URL is shown once, when it is made. A feed is served as its owner would read the journal now, so
/// revoking the token, or removing the owner's membership, stops it.
/// </summary>
public sealed class SecretFeeds(JournalsDbContext db, TimeProvider clock)
{
    /// <summary>Readable prefix of every secret, so a leaked one is recognisable.</summary>
    public const string Prefix = "feed_";
    /// <summary>Active secret feeds a reader may hold per journal; enough for every device, few enough to review.</summary>
    public const int MaxActivePerJournal = 10;
    /// <summary>Longer route values cannot be ours; they are refused before hashing.</summary>
    private const int MaxSecretLength = 100;

    /// <summary>A secret feed as listed to its owner (the secret itself is not known any more).</summary>
    public sealed record Listed(int Id, DateTime CreatedAt);

    /// <summary>The reader's active secret feeds for a journal, newest first.</summary>
    public Task<List<Listed>> ActiveAsync(string userId, int journalId, CancellationToken ct) =>
        db.FeedTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.JournalId == journalId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new Listed(t.Id, t.CreatedAt)).ToListAsync(ct);

    /// <summary>Makes a new secret; returns it, or null when the reader already holds <see cref="MaxActivePerJournal"/>.</summary>
    /// <remarks>The caller has checked through the access rule that the user may read the journal.</remarks>
    public async Task<string?> CreateAsync(string userId, int journalId, CancellationToken ct)
    {
        var active = await db.FeedTokens.CountAsync(t => t.UserId == userId && t.JournalId == journalId && t.RevokedAt == null, ct);
        if (active >= MaxActivePerJournal) return null;
        var secret = SecretTokens.New(Prefix);
        db.FeedTokens.Add(new FeedToken
        {
            UserId = userId, JournalId = journalId, TokenHash = SecretTokens.Hash(secret), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Revokes one of the reader's own secret feeds; false when there is no such active feed.</summary>
    public async Task<bool> RevokeAsync(string userId, int journalId, int tokenId, CancellationToken ct)
    {
        var token = await db.FeedTokens.FirstOrDefaultAsync(
            t => t.Id == tokenId && t.UserId == userId && t.JournalId == journalId && t.RevokedAt == null, ct);
        if (token is null) return false;
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The active token for a secret from a URL, or null.</summary>
    public async Task<FeedToken?> FindAsync(string secret, CancellationToken ct)
    {
        if (secret.Length is 0 or > MaxSecretLength || !secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = SecretTokens.Hash(secret);
        return await db.FeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, ct);
    }
}
