using HsctJournals.Domain.Comments;
using Microsoft.Extensions.Caching.Memory;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The threads of a post's approved comments as every reader with nothing of their own on it sees them (names, texts,
/// avatars; nothing held, nothing editable), remembered per post and <see cref="Journals.Post.CommentsStamp"/> like
/// <see cref="ApprovedThreadShapes"/> (decision 0054). A signed-in reader or one with a commenter cookie skips the
/// shared page cache; without this each of their requests read and built every comment of the post again.
/// </summary>
/// <remarks>
/// The stamp changes in the transaction of every write that changes what these threads show: a comment approved,
/// unapproved, deleted or edited, an import, an account's comments erased (<see cref="CommentStore"/>). So a remembered
/// forest is never older than the post row the request read, on any node, and nothing needs evicting. The nodes are
/// shared between requests and never changed after they are built. For posts up to
/// <see cref="CommentThreads.ShapeFirstAbove"/> comments the whole post's threads; for longer ones one page's threads,
/// cut from the remembered shape at the same stamp (<see cref="RememberedThreadsKey.Page"/>).
/// </remarks>
public sealed class ApprovedThreadViews : IDisposable
{
    /// <summary>Comments kept in all, over every post (each some 1–2 KB with its text): a hundred posts of 200.</summary>
    public const long CommentLimit = 20_000;

    private readonly MemoryCache _views = new(new MemoryCacheOptions { SizeLimit = CommentLimit });

    /// <summary>
    /// The approved comments of a post built into threads in the journal's order and depth; <paramref name="read"/>
    /// reads them (as a reader with nothing of their own) when this post and stamp are not remembered.
    /// </summary>
    public async Task<CommentForest<CommentView>> GetAsync(RememberedThreadsKey key, Func<Task<List<CommentSource<CommentView>>>> read)
    {
        if (_views.TryGetValue(key, out CommentForest<CommentView>? known) && known is not null) return known;

        var comments = await read();
        var forest = CommentThreadBuilder.Build(comments, key.Order, key.MaxDepth);
        // Sliding, but never older than five minutes: a change written past the app's writers (by hand in the database,
        // without a new stamp) still shows within that.
        _views.Set(key, forest, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, comments.Count), SlidingExpiration = TimeSpan.FromMinutes(2), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5),
        });
        return forest;
    }

    public void Dispose() => _views.Dispose();
}

/// <summary>
/// Which remembered threads: a post at one <see cref="Journals.Post.CommentsStamp"/>, in one order and depth, and for a
/// long post (above <see cref="CommentThreads.ShapeFirstAbove"/>) the page of its threads (null: every thread). A page
/// cut from them carries it (<see cref="CommentSection.Remembered"/>), so its HTML can be remembered by it too.
/// </summary>
public sealed record RememberedThreadsKey(int PostId, long Stamp, CommentOrder Order, int MaxDepth, int? Page = null);
