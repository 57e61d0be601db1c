namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// Everything in journal.json except the posts: small (settings, people, terms, photos' metadata, treatment courses),
/// so it is held in memory while the posts, which carry the journal's text, are written and read one at a time.
/// The fields are <see cref="JournalBackup"/>'s, in its order.
/// </summary>
public sealed record BackupHead(
    string Format, int Version, DateTime ExportedAt, string? Site,
    BackupJournal Journal, IReadOnlyList<BackupMember> Members,
    IReadOnlyList<BackupTerm> Categories, IReadOnlyList<BackupTerm> Tags,
    IReadOnlyList<BackupPhoto> Photos, IReadOnlyList<BackupCourse> TreatmentCourses);

/// <summary>What a restore learns from its first pass over journal.json: the head, and how many posts and comments follow.</summary>
public sealed record BackupOutline(BackupHead Head, int Posts, int Comments);
