namespace HsctJournals.Domain.Comments;

/// <summary>Which comments wait for a moderator before they are shown.</summary>
public enum HoldRule
{
    /// <summary>None by this rule (links and held words can still hold a comment).</summary>
    Never,

    /// <summary>The first comment from an e-mail address with no approved comment yet (WordPress's default).</summary>
    FirstCommentFromNewEmail,

    /// <summary>Every comment.</summary>
    Always,
}
