using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Comments;

/// <summary>Comment anti-spam limits and secrets, bound from the "Comments" configuration section.</summary>
public sealed class CommentOptions
{
    public const string Section = "Comments";

    /// <summary>
    /// Secret (at least 16 characters) keying the locally generated avatars. When empty a key is derived
    /// from the Data Protection key ring; set it explicitly when several nodes do not share that ring.
    /// </summary>
    public string? AvatarKey { get; set; }

    /// <summary>Secret (at least 16 characters) keying the IP-address hashes used for rate limits; derived like <see cref="AvatarKey"/> when empty.</summary>
    public string? IpHashKey { get; set; }

    /// <summary>The shortest time in seconds between showing the comment form and posting it (robots post at once).</summary>
    [Range(0, 600)]
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>The longest time in hours between showing the comment form and posting it; an older form is shown again with a fresh time.</summary>
    [Range(1, 720)]
    public int MaximumFormAgeHours { get; set; } = 24;

    /// <summary>
    /// Anonymous comments one IP address may post per window. Generous: a hospital's Wi-Fi puts a whole ward behind one
    /// address. Signed-in members are limited by their account (<see cref="MaxPerEmail"/>) instead, so visitors behind
    /// the same address never use up their allowance.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPerIp { get; set; } = 20;

    /// <summary>Comments one e-mail address may post per window.</summary>
    [Range(1, 100_000)]
    public int MaxPerEmail { get; set; } = 8;

    /// <summary>Length of the rate-limit window in minutes.</summary>
    [Range(1, 1440)]
    public int RateWindowMinutes { get; set; } = 10;

    /// <summary>Minutes during which a commenter may edit or delete their own comment.</summary>
    [Range(0, 1440)]
    public int OwnEditMinutes { get; set; } = 15;

    /// <summary>Comments created after this instant may still be edited or deleted by their author.</summary>
    public DateTime EditableSince(DateTimeOffset now) => now.UtcDateTime.AddMinutes(-OwnEditMinutes);

    /// <summary>Days after which a comment's IP hash is cleared.</summary>
    [Range(1, 365)]
    public int IpHashRetentionDays { get; set; } = 30;
}
