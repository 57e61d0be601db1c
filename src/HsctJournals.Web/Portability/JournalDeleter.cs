using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Deletes a journal and everything under it (posts, revisions, comments, treatment course,
/// members, followers, import records) and holds its address back for the grace period.
/// Runs inside the caller's transaction when there is one, otherwise in its own.
/// </summary>
public sealed class JournalDeleter(JournalsDbContext db, TimeProvider clock, IOptions<PortabilityOptions> options, Caching.PageCacheEviction cache)
{
    public async Task DeleteAsync(int journalId, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var journal = await db.Journals.Where(j => j.Id == journalId).Select(j => new { j.Slug }).SingleAsync(ct);

        // Replies point at their parents with RESTRICT (a moderator may not delete a parent out
        // from under a thread); the whole thread goes here, so untie it first.
        await db.Comments.Where(c => c.Post.JournalId == journalId && c.ParentId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, (int?)null), ct);
        var waitingFiles = await db.ImportJobs.Where(j => j.JournalId == journalId && j.StoredPath != null)
            .Select(j => j.StoredPath!).ToListAsync(ct);

        // Everything else hangs off the journal with ON DELETE CASCADE.
        await db.Journals.Where(j => j.Id == journalId).ExecuteDeleteAsync(ct);

        var freeAfter = clock.GetUtcNow().UtcDateTime.AddDays(options.Value.SlugGraceDays);
        var retired = await db.RetiredSlugs.FindAsync([journal.Slug], ct);
        if (retired is null) db.RetiredSlugs.Add(new RetiredSlug { Slug = journal.Slug, FreeAfter = freeAfter });
        else retired.FreeAfter = freeAfter;
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        // Inside a caller's transaction the caller evicts again after its commit (AccountDeleter).
        await cache.JournalChangedAsync(journalId, ct);

        foreach (var file in waitingFiles)
        {
            try { File.Delete(file); } catch (IOException) { } // an orphan upload is harmless; the row is gone
        }
    }
}
