using HsctJournals.Domain.Comments;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The shape of a long conversation (each approved comment's id, parent and time, built into threads), remembered
/// per post and <see cref="Journals.Post.CommentsStamp"/>, so a page of a post with thousands of comments is cut
/// without reading them all again (decision 0052).
/// </summary>
/// <remarks>
/// Remembered by stamp (<see cref="RememberedByStamp{TKey,TValue}"/>). Only approved comments are in it: a reader's own
/// held comments are added per request (<see cref="CommentThreads"/>).
/// </remarks>
public sealed class ApprovedThreadShapes : IDisposable
{
    /// <summary>Comments kept in all, over every post (each costs some 150 bytes): ten posts of 10,000.</summary>
    public const long CommentLimit = 100_000;

    private readonly RememberedByStamp<(int PostId, long Stamp, CommentOrder Order, int MaxDepth), ApprovedThreadShape> _shapes =
        new(CommentLimit, sliding: TimeSpan.FromMinutes(10));

    /// <summary>The approved comments of a post, as rows and as threads in the journal's order and depth.</summary>
    public Task<ApprovedThreadShape> GetAsync(JournalsDbContext db, int postId, long stamp, CommentPolicy policy, CancellationToken ct) =>
        _shapes.GetAsync((postId, stamp, policy.Order, policy.MaxDepth), async () =>
        {
            var rows = await db.Comments.AsNoTracking()
                .Where(c => c.PostId == postId && c.Status == CommentStatus.Approved)
                .Select(c => new { c.Id, c.ParentId, c.CreatedAt }).ToListAsync(ct);
            var sources = rows.Select(r => new CommentSource<bool>(r.Id, r.ParentId, CommentThreads.Utc(r.CreatedAt), "", false)).ToArray();
            return (new ApprovedThreadShape(sources, CommentThreadBuilder.Build(sources, policy.Order, policy.MaxDepth)), sources.Length);
        });

    public void Dispose() => _shapes.Dispose();
}

/// <summary>A post's approved comments: the rows (for adding a reader's own held ones) and the threads built from them.</summary>
/// <param name="Rows">Ids, parents and times; the payload says "held" and is always false here.</param>
public sealed record ApprovedThreadShape(IReadOnlyList<CommentSource<bool>> Rows, CommentForest<bool> Forest);
