namespace HsctJournals.Domain.Comments;

/// <summary>A problem with one field of the comment form.</summary>
/// <param name="Field">The <see cref="CommentUnderReview"/> property name, e.g. "AuthorEmail".</param>
/// <param name="Message">What to tell the commenter.</param>
public sealed record CommentFieldError(string Field, string Message);
