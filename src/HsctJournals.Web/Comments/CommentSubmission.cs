using System.Net;

namespace HsctJournals.Web.Comments;

/// <summary>
/// What <see cref="CommentService.PostAsync"/> takes: a comment as the form (<see cref="CommentForm"/>) or the API
/// (<see cref="PostCommentRequest"/>) sent it, with the facts about the request the rules need. The journal and
/// who is writing come with the request's <see cref="Journals.JournalContext"/>. The service hands the Domain's
/// rules their own shape, <see cref="Domain.Comments.CommentUnderReview"/>, once it has looked up the author's history.
/// </summary>
public sealed record CommentSubmission
{
    public required string PostSlug { get; init; }
    public string? Text { get; init; }
    /// <summary>Ignored for signed-in readers: their display name is used.</summary>
    public string? AuthorName { get; init; }
    /// <summary>Ignored for signed-in readers: their account address is used.</summary>
    public string? AuthorEmail { get; init; }
    public string? Website { get; init; }
    public int? ParentId { get; init; }
    public bool NotifyOnReply { get; init; }
    /// <summary>The hidden field only robots fill in.</summary>
    public bool HoneypotFilled { get; init; }
    /// <summary>The form's protected render time; null with <see cref="CheckFillTime"/> means missing or forged.</summary>
    public DateTimeOffset? RenderedAt { get; init; }
    /// <summary>True for the HTML form (the API has no form to fill).</summary>
    public bool CheckFillTime { get; init; }
    public IPAddress? IpAddress { get; init; }
    /// <summary>Hash of the browser's commenter secret, when there is one.</summary>
    public string? AuthorTokenHash { get; init; }
}
