using HsctJournals.Domain.Comments;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The shape of a long conversation (each approved comment's id, parent and time, built into threads), remembered
/// per post and <see cref="Journals.Post.CommentsStamp"/>, so a page of a post with thousands of comments is cut
/// without reading them all again (decision 0052).
/// </summary>
/// <remarks>
/// The stamp comes from the post row the request has already read and changes in the transaction of every write
/// that changes the approved comments, so a remembered shape is never older than what that request could see, on
/// any node; nothing needs evicting, and an old entry simply stops being asked for. Only approved comments are in
/// it: a reader's own held comments are added per request (<see cref="CommentThreads"/>).
/// </remarks>
public sealed class ApprovedThreadShapes : IDisposable
{
    /// <summary>Comments kept in all, over every post (each costs some 150 bytes): ten posts of 10,000.</summary>
    public const long CommentLimit = 100_000;

    private readonly MemoryCache _shapes = new(new MemoryCacheOptions { SizeLimit = CommentLimit });

    /// <summary>The approved comments of a post, as rows and as threads in the journal's order and depth.</summary>
    public async Task<ApprovedThreadShape> GetAsync(JournalsDbContext db, int postId, long stamp, CommentPolicy policy, CancellationToken ct)
    {
        var key = (postId, stamp, policy.Order, policy.MaxDepth);
        if (_shapes.TryGetValue(key, out ApprovedThreadShape? known) && known is not null) return known;

        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.PostId == postId && c.Status == CommentStatus.Approved)
            .Select(c => new { c.Id, c.ParentId, c.CreatedAt }).ToListAsync(ct);
        var sources = rows.Select(r => new CommentSource<bool>(r.Id, r.ParentId, CommentThreads.Utc(r.CreatedAt), "", false)).ToArray();
        var shape = new ApprovedThreadShape(sources, CommentThreadBuilder.Build(sources, policy.Order, policy.MaxDepth));
        _shapes.Set(key, shape, new MemoryCacheEntryOptions { Size = Math.Max(1, sources.Length), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return shape;
    }

    public void Dispose() => _shapes.Dispose();
}

/// <summary>A post's approved comments: the rows (for adding a reader's own held ones) and the threads built from them.</summary>
/// <param name="Rows">Ids, parents and times; the payload says "held" and is always false here.</param>
public sealed record ApprovedThreadShape(IReadOnlyList<CommentSource<bool>> Rows, CommentForest<bool> Forest);
