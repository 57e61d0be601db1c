using System.Security.Claims;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Admin;

/// <summary>
/// Which public journals the site lists: approve the ones waiting, take a listed one off. Only public journals
/// are shown here, so the admin sees nothing a stranger could not (docs/decisions/0004).
/// </summary>
public sealed class FrontPageListing(JournalsDbContext db, AdminAudit audit, PageCacheEviction cache)
{
    public sealed record Row(int Id, string Slug, string Title, string? Tagline, DateTime CreatedAt);

    public const int RecentCount = 30;

    /// <summary>Public journals waiting for approval, oldest first.</summary>
    public Task<List<Row>> WaitingAsync(CancellationToken ct) => Rows(Public(true).OrderBy(j => j.CreatedAt)).ToListAsync(ct);

    /// <summary>The newest listed public journals, to take a spam one off again.</summary>
    public Task<List<Row>> RecentlyListedAsync(CancellationToken ct) =>
        Rows(Public(false).OrderByDescending(j => j.CreatedAt).Take(RecentCount)).ToListAsync(ct);

    public Task<AdminResult> ApproveAsync(ClaimsPrincipal admin, int journalId, CancellationToken ct) =>
        SetAsync(admin, journalId, awaiting: false, ct);

    public Task<AdminResult> TakeOffAsync(ClaimsPrincipal admin, int journalId, CancellationToken ct) =>
        SetAsync(admin, journalId, awaiting: true, ct);

    private IQueryable<Journal> Public(bool awaiting) =>
        db.Journals.AsNoTracking().Where(j => j.Visibility == JournalVisibility.Public && j.AwaitingListing == awaiting);

    private static IQueryable<Row> Rows(IQueryable<Journal> journals) => journals.Select(j => new Row(j.Id, j.Slug, j.Title, j.Tagline, j.CreatedAt));

    private async Task<AdminResult> SetAsync(ClaimsPrincipal admin, int journalId, bool awaiting, CancellationToken ct)
    {
        var journal = await db.Journals.FirstOrDefaultAsync(j => j.Id == journalId && j.Visibility == JournalVisibility.Public, ct);
        if (journal is null) return AdminResult.Fail("That journal is not public any more, or no longer exists.");
        journal.AwaitingListing = awaiting;
        await audit.RecordAsync(admin, awaiting ? "Journal taken off the front page" : "Journal listed", $"“{journal.Title}” (/j/{journal.Slug})", ct);
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(journal.Id, ct);
        return AdminResult.Ok(awaiting ? $"“{journal.Title}” is no longer listed." : $"“{journal.Title}” is now on the front page.");
    }
}
