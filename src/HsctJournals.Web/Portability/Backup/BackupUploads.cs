using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>A restore that was queued, or the field errors that kept it from being queued.</summary>
public sealed record RestoreRequest(ImportJob? Job, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Queued => Job is not null;
}

/// <summary>
/// The one path from an uploaded backup zip to a queued restore, shared by the page and the API: checks the
/// upload, keeps it in the work folder, takes a quick look at it (a zip, with journal.json of this format and a
/// version this site reads, and a title and address the new journal may have) and queues an
/// <see cref="ImportJob"/> of kind <see cref="ImportJobKind.Restore"/>; the <see cref="ImportWorker"/> runs it.
/// </summary>
public sealed class BackupUploads(JournalsDbContext db, ImportQueue queue, JournalEditor journals)
{
    /// <summary>A backup is a zip with the journal's photos in it, so it has the archive limit, not the (smaller) export-file limit.</summary>
    public long MaxBytes => queue.MaxArchiveBytes;

    public async Task<RestoreRequest> EnqueueAsync(string? fileName, long? length, Func<Stream> open, string userId, string? title, string? slug, CancellationToken ct)
    {
        if (Check(fileName, length) is { } problem) return Failed("Upload", problem);
        var job = queue.NewJob(ImportJobKind.Restore, userId, fileName, "backup.zip");
        job.RestoreTitle = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        job.RestoreSlug = string.IsNullOrWhiteSpace(slug) ? null : slug.Trim();
        job.StoredPath = queue.WorkPath("restore-" + job.Id.ToString("N") + ".zip");
        var queued = false;
        try
        {
            await using (var file = File.Create(job.StoredPath))
            await using (var upload = open())
                await upload.CopyToAsync(file, ct);
            if (await CheckBackupAsync(job, ct) is { Count: > 0 } errors) return new RestoreRequest(null, errors);
            await queue.AddAsync(db, job, ct);
            queued = true;
            return new RestoreRequest(job, new Dictionary<string, string[]>());
        }
        catch (BackupFormatException e)
        {
            return Failed("Upload", e.Message);
        }
        finally
        {
            if (!queued)
                try { File.Delete(job.StoredPath); } catch (IOException) { } // a left-over upload in the work folder is harmless
        }
    }

    /// <summary>
    /// What the job would refuse at once, said while the person can still change the title or address. When the
    /// start of journal.json does not show the backup's own title and address, only what the person typed is checked
    /// here; the job checks the rest.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string[]>> CheckBackupAsync(ImportJob job, CancellationToken ct)
    {
        BackupJournal? header;
        using (var zip = BackupReader.Open(job.StoredPath!)) header = await BackupReader.ReadHeaderAsync(zip, ct);
        var errors = await journals.CheckNewAsync(NewJournal(header, job.RestoreTitle, job.RestoreSlug), ct);
        if (header is not null) return errors;
        return errors.Where(e => (e.Key == nameof(JournalInput.Title) && job.RestoreTitle is not null) || (e.Key == nameof(JournalInput.Slug) && job.RestoreSlug is not null))
            .ToDictionary(e => e.Key, e => e.Value);
    }

    /// <summary>The new journal: the backup's settings, with the title and address the person typed instead of the backup's.</summary>
    public static JournalInput NewJournal(BackupJournal? backup, string? title, string? slug) => new()
    {
        Title = title ?? backup?.Title ?? "", Slug = slug ?? backup?.Slug,
        Tagline = backup?.Tagline, Visibility = backup?.Visibility ?? JournalVisibility.Private, ShowDayNumbers = backup?.ShowDayNumbers ?? true,
    };

    private string? Check(string? fileName, long? length)
    {
        if (fileName is null || length is null or 0) return "Choose the backup file (.zip) to upload.";
        if (length > MaxBytes) return $"The file is {length / 1024 / 1024:N0} MB; the largest this site accepts is {MaxBytes / 1024 / 1024:N0} MB.";
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xml" or ".wxr") return "This is a WordPress export. Open the journal you want to fill and use “Import from WordPress” for it.";
        if (extension is not ".zip") return $"A backup is the .zip file that “Download everything” gave you; “{Path.GetFileName(fileName)}” is a {(extension.Length == 0 ? "file without an extension" : extension + " file")}.";
        return null;
    }

    private static RestoreRequest Failed(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}
