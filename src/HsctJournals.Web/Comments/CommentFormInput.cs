namespace HsctJournals.Web.Comments;

/// <summary>The comment form's fields, bound as "Input.*" on the post page.</summary>
public sealed class CommentFormInput
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
