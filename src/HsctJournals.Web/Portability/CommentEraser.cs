using System.Linq.Expressions;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Erases a person's comments (account deletion, and commenters without an account): name,
/// e-mail, website, IP hash and edit secret are cleared and the comment is signed "Deleted user".
/// With <c>removeText</c> the comments go too, except those others answered, which keep their
/// place as an empty placeholder so the replies stay in their thread. Post comment counts are
/// recounted in the same transaction (design invariant 5).
/// </summary>
public static class CommentEraser
{
    /// <returns>How many comments were touched (anonymised, emptied or deleted).</returns>
    public static async Task<int> EraseAsync(JournalsDbContext db, Expression<Func<Comment, bool>> whose, bool removeText, CancellationToken ct)
    {
        var postIds = await db.Comments.Where(whose).Select(c => c.PostId).Distinct().ToListAsync(ct);
        if (postIds.Count == 0) return 0;
        var touched = 0;
        if (removeText)
        {
            // Leaves first, again and again: a reply of theirs to their own comment frees the parent.
            int deleted;
            do
            {
                deleted = await db.Comments.Where(whose).Where(c => !db.Comments.Any(r => r.ParentId == c.Id)).ExecuteDeleteAsync(ct);
                touched += deleted;
            } while (deleted > 0);
            await db.Comments.Where(whose).ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, AccountDeleter.RemovedCommentText), ct);
        }
        touched += await db.Comments.Where(whose).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AuthorName, AccountDeleter.DeletedUserName)
            .SetProperty(c => c.AuthorEmail, "")
            .SetProperty(c => c.AuthorWebsite, (string?)null)
            .SetProperty(c => c.UserId, (string?)null)
            .SetProperty(c => c.IpHash, (string?)null)
            .SetProperty(c => c.AuthorTokenHash, (string?)null)
            .SetProperty(c => c.NotifyOnReply, false), ct);
        await CommentStore.RecountAsync(db, db.Posts.Where(p => postIds.Contains(p.Id)), ct);
        return touched;
    }
}
