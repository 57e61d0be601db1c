using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>A follower's unsubscribe link: deletes the follower, address and all.</summary>
public sealed class FollowerUnsubscribe(JournalsDbContext db) : IUnsubscribeTarget
{
    public UnsubscribeKind Kind => UnsubscribeKind.Follower;

    public async Task<string> DescribeAsync(int id, CancellationToken ct)
    {
        var title = await db.Followers.Where(f => f.Id == id).Select(f => f.Journal.Title).FirstOrDefaultAsync(ct);
        return title is null ? "e-mail about this journal" : $"e-mail about new posts in “{title}”";
    }

    public Task UnsubscribeAsync(int id, CancellationToken ct) =>
        db.Followers.Where(f => f.Id == id).ExecuteDeleteAsync(ct);
}
