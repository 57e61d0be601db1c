namespace HsctJournals.Web.Comments;

/// <summary>What happened to a submitted comment.</summary>
public enum CommentOutcomeKind
{
    /// <summary>Stored and shown.</summary>
    Approved,
    /// <summary>Stored; waits for a moderator (also said for spam, so the spam rules stay secret).</summary>
    Held,
    /// <summary>Not stored: fields need attention (<see cref="CommentOutcome.Errors"/>).</summary>
    Invalid,
    /// <summary>Not stored: closed, not permitted or a duplicate (<see cref="CommentOutcome.Message"/>).</summary>
    Rejected,
    /// <summary>Not stored: the form came back sooner than a person could write.</summary>
    TooFast,
    /// <summary>Not stored: the form was shown so long ago that its time could be a replay; it is shown again with a fresh one.</summary>
    FormExpired,
    /// <summary>Not stored: too many comments lately (<see cref="CommentOutcome.RetryAfterSeconds"/>).</summary>
    RateLimited,
    /// <summary>The post does not exist or the reader may not read it (answer 404).</summary>
    NotFound,
}

/// <summary>The answer of <see cref="CommentService.PostAsync"/>.</summary>
public sealed record CommentOutcome(CommentOutcomeKind Kind, string? Message = null)
{
    /// <summary>The stored comment (Approved, Held).</summary>
    public Comment? Comment { get; init; }
    /// <summary>Field errors keyed by <see cref="CommentSubmission"/> property name ("Text", "AuthorEmail", …).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public int RetryAfterSeconds { get; init; }
    public bool Stored => Kind is CommentOutcomeKind.Approved or CommentOutcomeKind.Held;
}
