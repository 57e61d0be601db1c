namespace HsctJournals.Domain.Comments;

/// <summary>
/// One comment as loaded from storage, before it is placed in a thread: the flat input of
/// <see cref="CommentThreadBuilder"/>.
/// </summary>
/// <typeparam name="TPayload">Whatever the caller wants to carry along (text, status, a view model).</typeparam>
/// <param name="Id">The comment's identity, unique within the input.</param>
/// <param name="ParentId">The comment this one answers, or <see langword="null"/> for a top-level comment.</param>
/// <param name="CreatedAt">When it was written; orders siblings (ties broken by <paramref name="Id"/>).</param>
/// <param name="AuthorName">The public display name, used for "in reply to NAME".</param>
/// <param name="Payload">The caller's data, handed back untouched on the node.</param>
public sealed record CommentSource<TPayload>(
    long Id,
    long? ParentId,
    DateTimeOffset CreatedAt,
    string AuthorName,
    TPayload Payload);
