namespace HsctJournals.Domain.Comments;

/// <summary>
/// The outcome of <see cref="CommentModeration.Decide"/>: one of <see cref="Approved"/>,
/// <see cref="Pending"/>, <see cref="Rejected"/> or <see cref="Spam"/>.
/// </summary>
public abstract record ModerationDecision
{
    private ModerationDecision()
    {
    }

    /// <summary>The comment is stored and shown at once.</summary>
    public sealed record Approved : ModerationDecision
    {
        /// <summary>The single instance.</summary>
        public static Approved Instance { get; } = new();
    }

    /// <summary>The comment is stored and waits for a moderator.</summary>
    /// <param name="Reason">Why, in words the commenter can be shown.</param>
    public sealed record Pending(string Reason) : ModerationDecision;

    /// <summary>The comment is not stored; the form is shown again with the text kept.</summary>
    /// <param name="Reason">What to tell the commenter.</param>
    public sealed record Rejected(string Reason) : ModerationDecision;

    /// <summary>
    /// The comment is stored as spam, out of sight. The reason is for moderators; tell the
    /// commenter only that the comment awaits moderation, so spam rules are not revealed.
    /// </summary>
    /// <param name="Reason">Why, for the moderation screen.</param>
    public sealed record Spam(string Reason) : ModerationDecision;
}
