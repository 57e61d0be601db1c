namespace HsctJournals.Web.Portability;

/// <summary>Where an import is in its life.</summary>
public enum ImportJobStatus { Queued = 0, Running = 1, Succeeded = 2, Failed = 3 }

/// <summary>What a job reads: a WordPress export into a journal, a zip of its uploads folder into it, or a backup zip that becomes a new journal.</summary>
public enum ImportJobKind { WordPress = 0, PhotoArchive = 1, Restore = 2 }

/// <summary>
/// One import run in the background: a WordPress export or uploads zip into one journal, or a
/// backup restored as a new journal. The uploaded file waits on disk (<see cref="StoredPath"/>)
/// until the job has run, then is deleted; the report stays.
/// </summary>
public class ImportJob
{
    public Guid Id { get; set; }
    public ImportJobKind Kind { get; set; }
    /// <summary>
    /// The journal imported into. A restore has none until it has made its journal; it records it as soon as it is
    /// made, so an interrupted restore can remove it (<see cref="ImportRecovery"/>), and lets go of it before a
    /// failed restore deletes it, so the job and its report outlive the journal.
    /// </summary>
    public int? JournalId { get; set; }
    public Journals.Journal? Journal { get; set; }
    public required string RequestedById { get; set; }
    public required string FileName { get; set; }
    /// <summary>Where the upload waits; null once the job has finished with it.</summary>
    public string? StoredPath { get; set; }
    public ImportJobStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The import report as JSON (<see cref="ImportReport"/>), written when the job ends.</summary>
    public string? ReportJson { get; set; }
    /// <summary>Restore: the title the person typed for the new journal; the backup's when null.</summary>
    public string? RestoreTitle { get; set; }
    /// <summary>Restore: the address the person typed for the new journal; the backup's when null.</summary>
    public string? RestoreSlug { get; set; }

    /// <summary>A zip of the old site's uploads folder (photos for imported posts) rather than a WordPress export.</summary>
    public bool IsPhotoArchive => Kind == ImportJobKind.PhotoArchive;

    public static bool IsArchiveName(string fileName) => fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
