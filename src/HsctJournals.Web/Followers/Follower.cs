using HsctJournals.Web.Journals;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>How often a follower hears about new posts.</summary>
public enum FollowFrequency { Instant = 0, DailyDigest = 1 }

/// <summary>Someone who asked to be e-mailed about a journal's new posts (double opt-in).</summary>
public class Follower
{
    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    /// <summary>Private; never shown to anyone but the follower's own mail.</summary>
    public required string Email { get; set; }
    public string? UserId { get; set; }
    public FollowFrequency Frequency { get; set; }
    /// <summary>Hash of the secret in the confirm/unsubscribe links.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? LastDigestAt { get; set; }
}
