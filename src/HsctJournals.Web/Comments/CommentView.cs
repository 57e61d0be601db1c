namespace HsctJournals.Web.Comments;

/// <summary>
/// One comment as a reader sees it. Deliberately has no e-mail address: the address is used to draw
/// the avatar on the server and then dropped (design invariant 2).
/// </summary>
/// <param name="AvatarSvg">The generated avatar, safe to inline (its only text is encoded).</param>
/// <param name="IsPending">Held for moderation; only its own author is ever shown it.</param>
/// <param name="IsEditable">The reader wrote it and may still edit or delete it.</param>
public sealed record CommentView(
    int Id, int? ParentId, string AuthorName, string? Website, string Text, DateTime CreatedAt,
    string AvatarSvg, bool IsPending, bool IsEditable);
