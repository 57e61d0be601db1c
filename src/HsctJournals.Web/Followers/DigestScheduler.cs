using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>
/// Once a day, after <see cref="NotificationOptions.DigestTimeUtc"/>, queues one
/// <see cref="Outbox.Digest"/> per daily-digest follower whose journal has posts that went live
/// since their last digest. <see cref="Follower.LastDigestAt"/> moves forward in the same
/// transaction, by a conditional update, so a follower gets at most one digest a day however many
/// nodes run this.
/// </summary>
public sealed class DigestScheduler(JournalsDbContext db, Outbox outbox, TimeProvider clock, IOptions<NotificationOptions> options) : INotificationJob
{
    private const int BatchSize = 200;

    /// <summary>Queues the digests that are due; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var digestTime = now.Date + options.Value.DigestTimeUtc;
        if (digestTime > now) digestTime = digestTime.AddDays(-1); // the most recent digest moment

        var due = await db.Followers.AsNoTracking()
            .Where(f => f.ConfirmedAt != null && f.Frequency == FollowFrequency.DailyDigest
                && (f.LastDigestAt ?? f.ConfirmedAt) < digestTime)
            .OrderBy(f => f.Id).Take(BatchSize)
            .Select(f => new { f.Id, f.JournalId, f.LastDigestAt, ConfirmedAt = f.ConfirmedAt!.Value })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var f in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var mine = f.LastDigestAt is { } last
                ? db.Followers.Where(x => x.Id == f.Id && x.LastDigestAt == last)
                : db.Followers.Where(x => x.Id == f.Id && x.LastDigestAt == null);
            if (await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastDigestAt, now), ct) == 1)
            {
                var from = f.LastDigestAt ?? f.ConfirmedAt;
                // A cheap pre-check; the composer applies the access rule for this follower.
                if (await db.Posts.Where(Post.LiveAt(now)).AnyAsync(p => p.JournalId == f.JournalId && p.PublishedAt > from, ct))
                {
                    outbox.Enqueue(Outbox.Digest, new DigestMessage(f.Id, from, now));
                    await db.SaveChangesAsync(ct);
                    queued++;
                }
            }
            await transaction.CommitAsync(ct);
        }
        return queued;
    }
}
