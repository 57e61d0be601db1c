namespace HsctJournals.Domain.Comments;

/// <summary>What <see cref="DuplicateComment"/> compares: where, from whom, what, when.</summary>
/// <param name="PostId">The post commented on.</param>
/// <param name="Email">The author's e-mail address.</param>
/// <param name="Text">The comment text.</param>
/// <param name="CreatedAt">When it was written (ignored for the candidate).</param>
public sealed record CommentFingerprint(long PostId, string Email, string Text, DateTimeOffset CreatedAt);
