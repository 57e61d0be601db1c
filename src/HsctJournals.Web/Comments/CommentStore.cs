using HsctJournals.Web.Data;
using HsctJournals.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Every write that changes a comment's visibility goes through here, so the comment, its outbox rows,
/// <see cref="Journals.Post.CommentCount"/> and <see cref="Journals.Post.CommentsStamp"/> change in one transaction
/// (design invariant 5).
/// </summary>
/// <remarks>
/// The count moves by a relative <c>UPDATE … SET CommentCount = CommentCount + n</c> rather than a
/// value computed in memory: two comments arriving at once on PostgreSQL both land (row locks order
/// the updates), and the post's concurrency token (its editing version) is not touched. A status change
/// is conditional on the status it was read with, so two moderators approving the same comment count it once.
/// </remarks>
public sealed class CommentStore(JournalsDbContext db, Outbox outbox, OutboxSignal outboxSignal, TimeProvider clock, Caching.PageCacheEviction cache,
    CommentGroupCommit commits)
{
    /// <summary>
    /// Stores a new comment with its notifications (the owner always; a parent's author when it is an approved reply)
    /// and, when it is shown, the post's count: in one transaction shared with the comments posted meanwhile
    /// (<see cref="CommentGroupCommit"/>). Returns once that transaction committed.
    /// </summary>
    public async Task AddAsync(Comment comment, int journalId, CancellationToken ct)
    {
        await commits.StoreAsync(comment);
        if (comment.Status == CommentStatus.Approved) await cache.CommentsChangedAsync(journalId, comment.PostId, ct); // a held comment changes no shared page
    }

    /// <summary>
    /// Moves a comment from <paramref name="from"/> to <paramref name="to"/>, optionally changing its text too.
    /// False when someone else changed its status first (nothing is written).
    /// </summary>
    public async Task<bool> ChangeStatusAsync(int commentId, int postId, int? parentId, CommentStatus from, CommentStatus to,
        string? newText, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var query = db.Comments.Where(c => c.Id == commentId && c.Status == from);
        var rows = newText is null
            ? await query.ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, to).SetProperty(c => c.UpdatedAt, now), ct)
            : await query.ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, to).SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.Text, newText), ct);
        if (rows != 1) return false; // rolled back by disposal

        if (to == CommentStatus.Approved && from != CommentStatus.Approved && parentId is not null)
        {
            outbox.Enqueue(Outbox.ReplyToCommenter, new CommentMessage(commentId));
            await db.SaveChangesAsync(ct);
        }
        if (from == CommentStatus.Approved || to == CommentStatus.Approved)
            await ShownChangedAsync(db, postId, (to == CommentStatus.Approved ? 1 : 0) - (from == CommentStatus.Approved ? 1 : 0), ct);
        await transaction.CommitAsync(ct);
        outboxSignal.Notify();
        if (from == CommentStatus.Approved || to == CommentStatus.Approved) await EvictAsync(postId, ct);
        return true;
    }

    /// <summary>
    /// Changes only the text (no change of visibility, so no count or notification). The post still gets a new stamp:
    /// the text is part of the threads remembered by it (<see cref="ApprovedThreadViews"/>).
    /// </summary>
    public async Task EditTextAsync(int commentId, string text, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var postId = await db.Comments.Where(c => c.Id == commentId).Select(c => c.PostId).FirstOrDefaultAsync(ct);
        await db.Comments.Where(c => c.Id == commentId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Text, text).SetProperty(c => c.UpdatedAt, now), ct);
        await ShownChangedAsync(db, postId, 0, ct);
        await transaction.CommitAsync(ct);
        await EvictAsync(postId, ct);
    }

    /// <summary>
    /// Deletes a comment for ever. Its replies move up to its own parent (or the top level), so the
    /// rest of the conversation survives.
    /// </summary>
    public async Task<bool> DeleteAsync(int commentId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
            .Select(c => new { c.PostId, c.ParentId, c.Status }).FirstOrDefaultAsync(ct);
        if (comment is null) return false;
        await db.Comments.Where(c => c.ParentId == commentId).ExecuteUpdateAsync(set => set.SetProperty(c => c.ParentId, comment.ParentId), ct);
        var rows = await db.Comments.Where(c => c.Id == commentId && c.Status == comment.Status).ExecuteDeleteAsync(ct);
        if (rows != 1) return false;
        // A new stamp even for a held comment: its replies moved up, and one of them may be approved.
        await ShownChangedAsync(db, comment.PostId, comment.Status == CommentStatus.Approved ? -1 : 0, ct);
        await transaction.CommitAsync(ct);
        // Even a held comment: its replies moved up, and one of them may be approved.
        await EvictAsync(comment.PostId, ct);
        return true;
    }

    /// <summary>Drops the cached pages that show this post's comments. After the commit: a reader in between must not cache the old state.</summary>
    private async Task EvictAsync(int postId, CancellationToken ct)
    {
        var journalId = await db.Posts.Where(p => p.Id == postId).Select(p => p.JournalId).FirstOrDefaultAsync(ct);
        await cache.CommentsChangedAsync(journalId, postId, ct);
    }

    /// <summary>
    /// The approved comments of a post changed (added, removed, moved, edited): its count moves by <paramref name="delta"/>
    /// (relative, see the remarks above) and it gets a new <see cref="Journals.Post.CommentsStamp"/>. Call it in the
    /// transaction of the change.
    /// </summary>
    internal static Task<int> ShownChangedAsync(JournalsDbContext db, int postId, int delta, CancellationToken ct)
    {
        var stamp = Journals.Post.NewCommentsStamp();
        return db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.CommentCount, p => p.CommentCount + delta).SetProperty(p => p.CommentsStamp, stamp), ct);
    }

    /// <summary>
    /// The comments of these posts changed in bulk (an import, an account's comments erased): each count is taken
    /// again from the rows and each post gets a new <see cref="Journals.Post.CommentsStamp"/>.
    /// </summary>
    internal static Task<int> RecountAsync(JournalsDbContext db, IQueryable<Journals.Post> posts, CancellationToken ct)
    {
        var stamp = Journals.Post.NewCommentsStamp();
        return posts.ExecuteUpdateAsync(set => set
            .SetProperty(p => p.CommentCount, p => db.Comments.Count(c => c.PostId == p.Id && c.Status == CommentStatus.Approved))
            .SetProperty(p => p.CommentsStamp, stamp), ct);
    }
}
