namespace HsctJournals.Web.Portability;

/// <summary>Where an import is in its life.</summary>
public enum ImportJobStatus { Queued = 0, Running = 1, Succeeded = 2, Failed = 3 }

/// <summary>
/// One WordPress import into one journal, run in the background. The uploaded file waits on disk
/// (<see cref="StoredPath"/>) until the job has run, then is deleted; the report stays.
/// </summary>
public class ImportJob
{
    public Guid Id { get; set; }
    public int JournalId { get; set; }
    public Journals.Journal Journal { get; set; } = null!;
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

    /// <summary>A zip of the old site's uploads folder (photos for imported posts) rather than a WordPress export; the pages only accept a .zip for that.</summary>
    public bool IsPhotoArchive => IsArchiveName(FileName);

    public static bool IsArchiveName(string fileName) => fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
