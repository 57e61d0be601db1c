namespace HsctJournals.Domain.Comments;

/// <summary>What <see cref="CommentModeration.Decide"/> needs to know about the journal and the post.</summary>
/// <param name="Policy">The journal's comment settings.</param>
/// <param name="PostCommentsClosed">The per-post "comments closed" switch.</param>
/// <param name="PostPublishedAt">When the post was published; <see langword="null"/> while it is a draft or scheduled.</param>
public sealed record CommentPolicyInput(
    CommentPolicy Policy,
    bool PostCommentsClosed,
    DateTimeOffset? PostPublishedAt);
