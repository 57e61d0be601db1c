namespace HsctJournals.Domain.Comments;

/// <summary>A journal's comment settings (design.md: Journal → comment policy).</summary>
public sealed record CommentPolicy
{
    /// <summary>The settings a new journal starts with.</summary>
    public static CommentPolicy Default { get; } = new();

    /// <summary>Who may comment. Default: <see cref="CommentPermission.Anyone"/>.</summary>
    public CommentPermission WhoMayComment { get; init; } = CommentPermission.Anyone;

    /// <summary>Which comments wait for moderation. Default: <see cref="HoldRule.FirstCommentFromNewEmail"/>.</summary>
    public HoldRule Hold { get; init; } = HoldRule.FirstCommentFromNewEmail;

    /// <summary>
    /// Links allowed in a comment before it is held; a comment with more waits. Default 2, so a
    /// third link holds it (WordPress's setting of the same name holds at the limit itself).
    /// </summary>
    public int MaxLinksBeforeHold { get; init; } = 2;

    /// <summary>Words or phrases that hold a comment for moderation (case-insensitive, whole words).</summary>
    public IReadOnlyList<string> HeldWords { get; init; } = [];

    /// <summary>Words or phrases that mark a comment as spam (case-insensitive, whole words).</summary>
    public IReadOnlyList<string> BlockedWords { get; init; } = [];

    /// <summary>Days after publication when comments close; <see langword="null"/> keeps them open.</summary>
    public int? CloseAfterDays { get; init; }

    /// <summary>Deepest thread level shown. Default <see cref="CommentThreadBuilder.DefaultMaxDepth"/>.</summary>
    public int MaxDepth { get; init; } = CommentThreadBuilder.DefaultMaxDepth;

    /// <summary>Order of top-level comments. Default <see cref="CommentOrder.OldestFirst"/>.</summary>
    public CommentOrder Order { get; init; } = CommentOrder.OldestFirst;
}
