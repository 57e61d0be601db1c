using HsctJournals.Domain.Comments;

namespace HsctJournals.Web.Comments;

/// <summary>An approved comment with its replies. The author appears by name (and website) only, never by e-mail.</summary>
/// <param name="InReplyTo">The name of the author answered, for replies.</param>
/// <param name="Depth">The level it is shown at (1 = top level), capped by the journal's thread depth.</param>
/// <param name="Html">The text as safe HTML (encoded, paragraphs, links).</param>
public sealed record CommentDto(
    int Id, int? ParentId, string Author, string? Website, DateTime CreatedAt, string Text, string Html, int Depth, string? InReplyTo,
    IReadOnlyList<CommentDto> Replies)
{
    public static CommentDto From(CommentNode<CommentView> node) => new(
        node.Payload.Id, node.Payload.ParentId, node.Payload.AuthorName, node.Payload.Website, node.Payload.CreatedAt,
        node.Payload.Text, CommentText.ToHtml(node.Payload.Text), node.Depth, node.InReplyToName, node.Children.Select(From).ToList());
}

/// <summary>One page of whole threads under a post.</summary>
/// <param name="CommentCount">Approved comments on the post, at every level.</param>
public sealed record CommentThreadDto(IReadOnlyList<CommentDto> Items, int Page, int PageCount, int TotalThreads, int CommentCount);

/// <summary>
/// The JSON body of POST …/comments (the API's public field names). Name and e-mail are needed unless the request
/// carries a token (the account's are used). The endpoint turns it into a <see cref="CommentSubmission"/>.
/// </summary>
/// <param name="ParentId">The approved comment this one answers; omit for a new thread.</param>
public sealed record PostCommentRequest(string? Text, string? Name, string? Email, string? Website, int? ParentId, bool? NotifyOnReply);

/// <summary>What happened to a posted comment.</summary>
/// <param name="Status">"approved" (shown now) or "pending" (waits for a moderator).</param>
public sealed record CommentPostedDto(int Id, string Status, string? Message);

/// <summary>A comment in the moderation API (owners, co-authors and moderators only).</summary>
public sealed record ModerationCommentDto(
    int Id, string PostSlug, string PostTitle, int? ParentId, string Author, string? Website, DateTime CreatedAt, string Text,
    CommentStatus Status, string? ModerationNote);

/// <summary>A comment's status after a moderation action.</summary>
public sealed record CommentStatusDto(int Id, CommentStatus Status);
