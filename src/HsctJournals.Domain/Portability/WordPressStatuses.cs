namespace HsctJournals.Domain.Portability;

/// <summary>What an imported WordPress post becomes here.</summary>
public enum ImportedPostStatus
{
    /// <summary>Not visible to readers.</summary>
    Draft = 0,
    /// <summary>Appears at its publish date.</summary>
    Scheduled = 1,
    /// <summary>Live.</summary>
    Published = 2,
}

/// <summary>What an imported WordPress comment becomes here.</summary>
public enum ImportedCommentStatus
{
    /// <summary>Waiting for moderation.</summary>
    Pending = 0,
    /// <summary>Shown under the post.</summary>
    Approved = 1,
    /// <summary>Marked as spam.</summary>
    Spam = 2,
    /// <summary>Thrown away by a moderator.</summary>
    Trash = 3,
}

/// <summary>WordPress's statuses mapped onto ours.</summary>
public static class WordPressStatuses
{
    /// <summary>
    /// publish → Published, future → Scheduled, draft/pending/private → Draft (a private WordPress
    /// post is readable by its editors only, which a draft is here). Null for what is not a post
    /// to keep: trash, auto-draft, inherit (revisions and attachments).
    /// </summary>
    public static ImportedPostStatus? Post(string? wpStatus) => wpStatus?.Trim().ToLowerInvariant() switch
    {
        "publish" => ImportedPostStatus.Published,
        "future" => ImportedPostStatus.Scheduled,
        "draft" or "pending" or "private" => ImportedPostStatus.Draft,
        _ => null,
    };

    /// <summary><c>wp:comment_approved</c>: "1" approved, "0" pending, "spam", "trash" (and "post-trashed"). Null for anything else.</summary>
    public static ImportedCommentStatus? Comment(string? approved) => approved?.Trim().ToLowerInvariant() switch
    {
        "1" or "approve" or "approved" => ImportedCommentStatus.Approved,
        "0" or "hold" => ImportedCommentStatus.Pending,
        "spam" => ImportedCommentStatus.Spam,
        "trash" or "post-trashed" => ImportedCommentStatus.Trash,
        _ => null,
    };

    /// <summary>The value WordPress writes for our status (the inverse of <see cref="Comment"/>).</summary>
    public static string CommentApproved(ImportedCommentStatus status) => status switch
    {
        ImportedCommentStatus.Approved => "1",
        ImportedCommentStatus.Spam => "spam",
        ImportedCommentStatus.Trash => "trash",
        _ => "0",
    };

    /// <summary>The value WordPress writes for our post status (the inverse of <see cref="Post"/>).</summary>
    public static string PostStatus(ImportedPostStatus status) => status switch
    {
        ImportedPostStatus.Published => "publish",
        ImportedPostStatus.Scheduled => "future",
        _ => "draft",
    };
}
