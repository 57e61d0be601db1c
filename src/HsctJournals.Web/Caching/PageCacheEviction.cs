using Microsoft.AspNetCore.OutputCaching;

namespace HsctJournals.Web.Caching;

/// <summary>
/// Evicts cached pages after a write, from every write that changes what a reader sees: a comment shown or hidden,
/// a post edited, journal settings, treatment sharing, members, an import, a photo. With Redis configured the
/// eviction reaches every node. Called inside a transaction of the scope's DbContext, it waits until that commits
/// (<see cref="Data.JournalsDbContext.AfterCommitAsync"/>): evicted earlier, a reader in between would render the
/// page again from the rows as they were and cache it; rolled back, nothing is evicted.
/// </summary>
/// <remarks>
/// An eviction that fails (Redis unreachable) is logged and does not fail the write, which is already
/// committed: the cached copy then lives until it expires (<see cref="PageCacheOptions.Expiry"/>).
/// </remarks>
public sealed class PageCacheEviction(IOutputCacheStore store, Data.JournalsDbContext db, ILogger<PageCacheEviction> logger)
{
    /// <summary>A post's comments changed (one shown, hidden, edited or deleted): its pages, its journal's lists and feeds (counts), the site lists.</summary>
    public Task CommentsChangedAsync(int journalId, int postId, CancellationToken ct = default) =>
        EvictAsync(ct, CacheTags.Post(postId), CacheTags.JournalLists(journalId), CacheTags.SiteLists);

    /// <summary>
    /// A post was written, edited, published, went live or was deleted: its title and date also show on its
    /// neighbours' pages (previous/next) and every list, so the whole journal goes.
    /// </summary>
    public Task PostChangedAsync(int journalId, CancellationToken ct = default) => JournalChangedAsync(journalId, ct);

    /// <summary>Something every page of a journal shows changed (title, visibility, comment policy, treatment, members).</summary>
    public Task JournalChangedAsync(int journalId, CancellationToken ct = default) =>
        EvictAsync(ct, CacheTags.Journal(journalId), CacheTags.SiteLists);

    /// <summary>Something shown across journals changed (a person's display name, a bulk import).</summary>
    public Task SiteChangedAsync(CancellationToken ct = default) => EvictAsync(ct, CacheTags.Site);

    private Task EvictAsync(CancellationToken ct, params string[] tags) => db.AfterCommitAsync(() => EvictNowAsync(ct, tags));

    private async Task EvictNowAsync(CancellationToken ct, string[] tags)
    {
        foreach (var tag in tags)
        {
            try
            {
                // Not the request's token: a reader who hangs up must not leave a stale page behind.
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Could not evict cached pages tagged {Tag}; they expire on their own", tag);
            }
        }
    }
}
