namespace HsctJournals.Domain.Comments;

/// <summary>
/// A comment as the pure rules judge it (<see cref="CommentFields"/>, <see cref="CommentModeration"/>): what was
/// submitted, with the facts about its author that the caller looked up (signed in, role, earlier approved comments).
/// </summary>
public sealed record CommentUnderReview
{
    /// <summary>The comment text as typed.</summary>
    public required string Text { get; init; }

    /// <summary>The public display name.</summary>
    public required string AuthorName { get; init; }

    /// <summary>The author's e-mail address (never shown; notifications and avatars only).</summary>
    public required string AuthorEmail { get; init; }

    /// <summary>Optional website of the author.</summary>
    public string? Website { get; init; }

    /// <summary>The author is signed in.</summary>
    public bool IsSignedIn { get; init; }

    /// <summary>The author is an approved reader of the journal.</summary>
    public bool IsApprovedReader { get; init; }

    /// <summary>The author is an owner, co-author or moderator of the journal.</summary>
    public bool IsJournalStaff { get; init; }

    /// <summary>Some earlier comment from this e-mail address was approved (on this journal).</summary>
    public bool HasApprovedCommentBefore { get; init; }

    /// <summary>The hidden form field meant only for robots came back filled in.</summary>
    public bool HoneypotFilled { get; init; }

    /// <summary>The same text from the same address on the same post was posted recently (see <see cref="DuplicateComment"/>).</summary>
    public bool IsDuplicate { get; init; }
}
