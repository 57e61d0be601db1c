using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Comments;

/// <summary>Where a comment is in moderation.</summary>
public enum CommentStatus { Pending = 0, Approved = 1, Spam = 2, Trash = 3 }

/// <summary>
/// A reader's comment. The author's e-mail is stored for notifications and the keyed avatar but is
/// never shown outside the journal's moderation screens (design invariant 2). Text is plain text,
/// encoded on output (invariant 4).
/// </summary>
public class Comment
{
    public const int NameMaxLength = 80;
    public const int EmailMaxLength = EmailAddresses.MaxLength;
    public const int WebsiteMaxLength = 200;

    public int Id { get; set; }
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    /// <summary>1 for a top-level comment; capped at the journal's thread depth.</summary>
    public int Depth { get; set; } = 1;
    public required string AuthorName { get; set; }
    /// <summary>Private. Never rendered except on moderation screens.</summary>
    public required string AuthorEmail { get; set; }
    public string? AuthorWebsite { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Text { get; set; }
    public CommentStatus Status { get; set; }
    /// <summary>Why moderation held or flagged it, for moderators.</summary>
    public string? ModerationNote { get; set; }
    public bool NotifyOnReply { get; set; }
    /// <summary>Keyed hash of the sender's IP address for rate limits; cleared after 30 days.</summary>
    public string? IpHash { get; set; }
    /// <summary>Hash of the secret in the commenter's cookie: lets them see their held comment and edit for 15 minutes.</summary>
    public string? AuthorTokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
