using System.Net;

namespace HsctJournals.Web.Comments;

/// <summary>
/// A comment as the form or the API sent it, with the facts about the request the rules need. The journal and
/// who is writing come with the request's <see cref="Journals.JournalContext"/>.
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
