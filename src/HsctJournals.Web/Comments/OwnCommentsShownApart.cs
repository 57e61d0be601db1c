using System.Linq.Expressions;
using HsctJournals.Domain.Comments;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Which of a commenter's own comments make a page look different to them from what every other reader gets: one
/// held for moderation (shown to its author alone) or one they may still edit (it carries their edit and delete
/// links). Nothing else about a comment depends on who reads it. So a reader with none of these under a post gets
/// the approved threads everyone gets (<see cref="CommentThreads"/>), and a browser with none anywhere may be
/// answered from the shared page cache (<see cref="CommenterPages"/>).
/// </summary>
public static class OwnCommentsShownApart
{
    /// <summary>The rule, for comments already known to be the reader's own.</summary>
    /// <param name="editableSince">Comments created after this may still be edited by their author (<see cref="CommentOptions.EditableSince"/>).</param>
    public static Expression<Func<Comment, bool>> Rule(DateTime editableSince) =>
        c => c.Status == CommentStatus.Pending || (c.Status == CommentStatus.Approved && c.CreatedAt > editableSince);
}
