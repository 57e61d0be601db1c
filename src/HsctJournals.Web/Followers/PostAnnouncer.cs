using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>
/// The one place that notices a post went live — published now, or a scheduled time that passed —
/// and queues <see cref="Outbox.PostToFollowers"/> for it. Each post is announced once: the
/// conditional update of <see cref="Post.AnnouncedAt"/> and the outbox row commit together, and
/// a second node racing for the same post updates nothing.
/// </summary>
public sealed class PostAnnouncer(JournalsDbContext db, Outbox outbox, TimeProvider clock, IOptions<NotificationOptions> options, Caching.PageCacheEviction cache) : INotificationJob
{
    private const int BatchSize = 100;

    /// <summary>Announces what is due; returns how many posts were queued for followers.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Posts.AsNoTracking()
            .Where(Post.LiveAt(now)).Where(p => p.AnnouncedAt == null)
            .OrderBy(p => p.PublishedAt).Take(BatchSize)
            .Select(p => new
            {
                p.Id,
                p.JournalId,
                p.PublishedAt,
                WentLiveAfterLastSave = p.PublishedAt > p.UpdatedAt,
                HasFollowers = db.Followers.Any(f => f.JournalId == p.JournalId && f.ConfirmedAt != null && f.Frequency == FollowFrequency.Instant),
            })
            .ToListAsync(ct);
        var recent = now.AddHours(-options.Value.AnnounceWithinHours);
        var queued = 0;
        foreach (var post in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Posts.Where(p => p.Id == post.Id && p.AnnouncedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AnnouncedAt, now), ct);
            // Posts live for long before we noticed (imports, back-dated posts) are marked, not mailed.
            if (claimed == 1 && post.HasFollowers && post.PublishedAt >= recent)
            {
                outbox.Enqueue(Outbox.PostToFollowers, new PostMessage(post.Id));
                await db.SaveChangesAsync(ct);
                queued++;
            }
            await transaction.CommitAsync(ct);
            // A scheduled post that went live after its last save joins its journal's lists and its neighbours' links
            // now; any other post was already on them when the editor saved it (and evicted).
            if (claimed == 1 && post.WentLiveAfterLastSave) await cache.PostChangedAsync(post.JournalId, ct);
        }
        return queued;
    }
}
