namespace HsctJournals.Domain.Comments;

/// <summary>One page of whole threads, cut by <see cref="CommentPagination"/>.</summary>
/// <typeparam name="TPayload">The caller's data carried on each node.</typeparam>
/// <param name="Number">The page shown, 1-based (the requested page clamped to 1..<paramref name="PageCount"/>).</param>
/// <param name="PageSize">Top-level threads per page.</param>
/// <param name="PageCount">Pages in total; at least 1, even with no comments.</param>
/// <param name="TotalThreads">Top-level threads on the post.</param>
/// <param name="Threads">The top-level nodes on this page, in the forest's display order, replies attached.</param>
public sealed record CommentPage<TPayload>(
    int Number,
    int PageSize,
    int PageCount,
    int TotalThreads,
    IReadOnlyList<CommentNode<TPayload>> Threads)
{
    /// <summary>True when there is a page before this one.</summary>
    public bool HasPrevious => Number > 1;

    /// <summary>True when there is a page after this one.</summary>
    public bool HasNext => Number < PageCount;
}
