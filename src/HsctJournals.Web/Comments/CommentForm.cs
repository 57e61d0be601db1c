namespace HsctJournals.Web.Comments;

/// <summary>
/// The HTML comment form as the browser posts it (bound as "Input.*" on the post page): raw strings for the
/// honeypot and the protected render time, and "remember me", which only the page acts on (a cookie). The page
/// turns it into a <see cref="CommentSubmission"/>; the API's counterpart is <see cref="PostCommentRequest"/>.
/// </summary>
public sealed class CommentForm
{
    public string? Text { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorEmail { get; set; }
    public string? Website { get; set; }
    public bool NotifyOnReply { get; set; }
    /// <summary>Remember name, e-mail and website in a cookie. Unticked unless the reader ticked it before.</summary>
    public bool Remember { get; set; }
    public int? ParentId { get; set; }
    /// <summary>The honeypot: hidden from people (visually and from assistive technology); robots fill it in.</summary>
    public string? Homepage { get; set; }
    /// <summary>The protected time the form was shown (<see cref="FormTimestamp"/>).</summary>
    public string? Rendered { get; set; }
}
