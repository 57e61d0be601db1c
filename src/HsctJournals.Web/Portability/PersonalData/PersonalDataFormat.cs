using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Portability.Backup;
using HsctJournals.Web.Followers;

namespace HsctJournals.Web.Portability.PersonalData;

// The JSON files of "Download your data" (GDPR Art. 15 and 20): only the person's own data, never other
// people's e-mail addresses. Same conventions as journal.json (BackupFormat.cs): camelCase, enums by name, UTC.

public sealed record PersonalAccount(
    string Id, string? Email, bool EmailConfirmed, string DisplayName, string? PhoneNumber, string TimeZone, DateTime CreatedAt,
    bool TwoFactorEnabled, IReadOnlyList<string> ExternalSignIns, IReadOnlyList<string> SiteRoles);

/// <summary>A journal the person belongs to; for one they own, the address of its full backup.</summary>
public sealed record PersonalMembership(string Journal, string Title, JournalRole Role, DateTime Since, string Url, string? BackupUrl);

public sealed record PersonalPost(string Journal, string Title, string Slug, PostStatus Status, DateTime? PublishedAt, DateTime CreatedAt, DateTime UpdatedAt,
    string? Byline, string Markdown, string Url);

/// <summary>A comment the person wrote, signed in or with their address, anywhere on the site.</summary>
public sealed record PersonalComment(int Id, string Journal, string Post, int? InReplyTo, string AuthorName, string AuthorEmail, string? AuthorWebsite,
    bool WrittenSignedIn, string Text, CommentStatus Status, DateTime CreatedAt, DateTime? UpdatedAt, string Url);

public sealed record PersonalFollow(string Journal, string Email, FollowFrequency Frequency, DateTime CreatedAt, DateTime? ConfirmedAt);

/// <summary>A token's name and dates; never its secret or hash.</summary>
public sealed record PersonalToken(string Kind, string Name, string? Journal, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed record PersonalSession(string Device, DateTime CreatedAt, DateTime LastSeenAt, bool SignedInWithPasskey);

/// <summary>One of the person's passkeys: its name and dates only, never its key or credential id.</summary>
public sealed record PersonalPasskey(string Name, DateTimeOffset CreatedAt, DateTime? LastUsedAt, bool SyncedToOtherDevices);

public sealed record PersonalAccessRequest(string Journal, string? Message, AccessRequestStatus Status, DateTime CreatedAt, DateTime? DecidedAt);

/// <summary>The treatment course of a journal the person owns.</summary>
public sealed record PersonalTreatment(string Journal, BackupCourse Course);
