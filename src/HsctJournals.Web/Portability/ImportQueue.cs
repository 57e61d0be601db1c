using System.Collections.Concurrent;
using HsctJournals.Web.Data;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Takes an upload, keeps it on disk and queues its job (WordPress export, uploads zip, backup to restore); the <see cref="ImportWorker"/> runs it.
/// Progress lives in memory on the node that runs the job (<see cref="Progress"/>); the job row
/// holds the status and the report for every node.
/// </summary>
public sealed class ImportQueue(IOptions<PortabilityOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<Guid, ImportProgress> _progress = new();

    public long MaxBytes => options.Value.MaxUploadMegabytes * 1024L * 1024L;
    public long MaxArchiveBytes => options.Value.MaxArchiveMegabytes * 1024L * 1024L;

    /// <summary>Streams the upload (a WordPress export, or a zip of its uploads folder) to the work folder and adds a queued job in <paramref name="db"/>.</summary>
    public async Task<ImportJob> EnqueueAsync(JournalsDbContext db, int journalId, string userId, string fileName, Stream upload, CancellationToken ct)
    {
        var kind = ImportJob.IsArchiveName(fileName) ? ImportJobKind.PhotoArchive : ImportJobKind.WordPress;
        var job = NewJob(kind, userId, fileName, kind == ImportJobKind.PhotoArchive ? "uploads.zip" : "export.xml");
        job.JournalId = journalId;
        job.StoredPath = WorkPath(job.Id.ToString("N") + (job.IsPhotoArchive ? ".zip" : ".xml"));
        await using (var file = File.Create(job.StoredPath)) await upload.CopyToAsync(file, ct);
        await AddAsync(db, job, ct);
        return job;
    }

    /// <summary>A queued job for <paramref name="fileName"/> (its stored name when that is usable, else <paramref name="fallbackName"/>), not yet saved.</summary>
    public ImportJob NewJob(ImportJobKind kind, string userId, string? fileName, string fallbackName) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, RequestedById = userId,
        FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : fallbackName,
        Status = ImportJobStatus.Queued, CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>A path for an upload in the work folder (which is made if missing).</summary>
    public string WorkPath(string name)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.WorkFolder);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Saves a job whose file is already in the work folder and wakes the worker.</summary>
    public async Task AddAsync(JournalsDbContext db, ImportJob job, CancellationToken ct)
    {
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        Wake();
    }

    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public ImportProgress? Progress(Guid jobId) => _progress.GetValueOrDefault(jobId);
    public void Report(Guid jobId, ImportProgress progress) => _progress[jobId] = progress;
    public void Forget(Guid jobId) => _progress.TryRemove(jobId, out _);
}
