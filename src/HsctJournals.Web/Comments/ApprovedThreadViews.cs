using HsctJournals.Domain.Comments;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The threads of a post's approved comments as every reader with nothing of their own on it sees them (names, texts,
/// avatars; nothing held, nothing editable), remembered per post and <see cref="Journals.Post.CommentsStamp"/> like
/// <see cref="ApprovedThreadShapes"/> (decision 0054). A signed-in reader or one with a commenter cookie skips the
/// shared page cache; without this each of their requests read and built every comment of the post again.
/// </summary>
/// <remarks>
/// Remembered by stamp (<see cref="RememberedByStamp{TKey,TValue}"/>); the stamp changes with every write that changes
/// what these threads show: a comment approved, unapproved, deleted or edited, an import, an account's comments erased
/// (<see cref="CommentStore"/>). The nodes are shared between requests and never changed after they are built. For posts
/// up to <see cref="CommentThreads.ShapeFirstAbove"/> comments the whole post's threads; for longer ones one page's
/// threads, cut from the remembered shape at the same stamp (<see cref="RememberedThreadsKey.Page"/>).
/// </remarks>
public sealed class ApprovedThreadViews : IDisposable
{
    /// <summary>Comments kept in all, over every post (each some 1–2 KB with its text): a hundred posts of 200.</summary>
    public const long CommentLimit = 20_000;

    // Sliding, but never older than five minutes: a change written past the app's writers (by hand in the database,
    // without a new stamp) still shows within that.
    private readonly RememberedByStamp<RememberedThreadsKey, CommentForest<CommentView>> _views =
        new(CommentLimit, sliding: TimeSpan.FromMinutes(2), longest: TimeSpan.FromMinutes(5));

    /// <summary>
    /// The approved comments of a post built into threads in the journal's order and depth; <paramref name="read"/>
    /// reads them (as a reader with nothing of their own) when this post and stamp are not remembered.
    /// </summary>
    public Task<CommentForest<CommentView>> GetAsync(RememberedThreadsKey key, Func<Task<List<CommentSource<CommentView>>>> read) =>
        _views.GetAsync(key, async () =>
        {
            var comments = await read();
            return (CommentThreadBuilder.Build(comments, key.Order, key.MaxDepth), comments.Count);
        });

    public void Dispose() => _views.Dispose();
}

/// <summary>
/// Which remembered threads: a post at one <see cref="Journals.Post.CommentsStamp"/>, in one order and depth, and for a
/// long post (above <see cref="CommentThreads.ShapeFirstAbove"/>) the page of its threads (null: every thread). A page
/// cut from them carries it (<see cref="CommentSection.Remembered"/>), so its HTML can be remembered by it too.
/// </summary>
public sealed record RememberedThreadsKey(int PostId, long Stamp, CommentOrder Order, int MaxDepth, int? Page = null);
