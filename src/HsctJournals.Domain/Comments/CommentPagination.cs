namespace HsctJournals.Domain.Comments;

/// <summary>
/// Splits a <see cref="CommentForest{TPayload}"/> into pages of whole top-level threads (a thread
/// is never split across pages; its replies do not count towards the page size).
/// </summary>
/// <remarks>
/// Pages are always cut from the threads in chronological order: page 1 holds the oldest
/// threads, whatever the display order. New comments therefore only ever add to the last page or
/// to an existing thread, so a comment's page (and every permalink "?page=3#comment-42") stays put.
/// With <see cref="CommentOrder.NewestFirst"/> the threads within a page are shown newest first
/// and <see cref="DefaultPage"/> is the last page, which is how WordPress combines the two.
/// Two things can still move threads: approving an old held comment (it slots in by its own time)
/// and a parent being removed (its replies become top-level orphans).
/// </remarks>
public static class CommentPagination
{
    /// <summary>The default number of top-level threads per page.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The number of pages; at least 1.</summary>
    public static int PageCount<TPayload>(CommentForest<TPayload> forest, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(forest);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var threads = forest.ChronologicalRoots.Count;
        return Math.Max(1, (threads + pageSize - 1) / pageSize);
    }

    /// <summary>
    /// The page to show when none is asked for: the first for
    /// <see cref="CommentOrder.OldestFirst"/>, the last (newest threads) for <see cref="CommentOrder.NewestFirst"/>.
    /// </summary>
    public static int DefaultPage<TPayload>(CommentForest<TPayload> forest, int pageSize = DefaultPageSize) =>
        forest.Order == CommentOrder.NewestFirst ? PageCount(forest, pageSize) : 1;

    /// <summary>
    /// Page <paramref name="page"/> of the forest. A page below 1 or above the last is clamped,
    /// so a stale link still shows comments; compare <see cref="CommentPage{TPayload}.Number"/>
    /// with the request to redirect if wanted.
    /// </summary>
    public static CommentPage<TPayload> Paginate<TPayload>(CommentForest<TPayload> forest, int page, int pageSize = DefaultPageSize)
    {
        var pageCount = PageCount(forest, pageSize);
        var number = Math.Clamp(page, 1, pageCount);
        var all = forest.ChronologicalRoots;
        var start = (number - 1) * pageSize;
        var count = Math.Max(0, Math.Min(pageSize, all.Count - start));
        var threads = new CommentNode<TPayload>[count];
        for (var i = 0; i < count; i++)
        {
            threads[i] = all[start + i];
        }

        if (forest.Order == CommentOrder.NewestFirst)
        {
            Array.Reverse(threads);
        }

        return new CommentPage<TPayload>(number, pageSize, pageCount, all.Count, threads);
    }

    /// <summary>
    /// The page showing comment <paramref name="commentId"/> (at any depth), or
    /// <see langword="null"/> when it is not in the forest.
    /// </summary>
    public static int? PageOf<TPayload>(CommentForest<TPayload> forest, long commentId, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(forest);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var node = forest.Find(commentId);
        return node is null ? null : forest.ChronologicalIndexOf(node.ThreadRoot) / pageSize + 1;
    }
}
