using HsctJournals.Web.Data;
using HsctJournals.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>The link in a reply notification (<see cref="CommentMails"/>): stops reply mail for that one comment.</summary>
public sealed class CommentReplyUnsubscribe(JournalsDbContext db) : IUnsubscribeTarget
{
    public UnsubscribeKind Kind => UnsubscribeKind.CommentReplies;

    public async Task<string> DescribeAsync(int id, CancellationToken ct)
    {
        var post = await db.Comments.Where(c => c.Id == id).Select(c => c.Post.Title).FirstOrDefaultAsync(ct);
        return post is null ? "e-mail about replies to your comment" : $"e-mail about replies to your comment on “{post}”";
    }

    public Task UnsubscribeAsync(int id, CancellationToken ct) =>
        db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifyOnReply, false), ct);
}
