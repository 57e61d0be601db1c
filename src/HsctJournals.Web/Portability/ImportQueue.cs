using System.Collections.Concurrent;
using HsctJournals.Web.Data;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Takes an upload, keeps it on disk and queues its job; the <see cref="ImportWorker"/> runs it.
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
        var folder = Path.Combine(environment.ContentRootPath, options.Value.WorkFolder);
        Directory.CreateDirectory(folder);
        var job = new ImportJob
        {
            Id = Guid.NewGuid(), JournalId = journalId, RequestedById = userId,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : ImportJob.IsArchiveName(fileName) ? "uploads.zip" : "export.xml",
            Status = ImportJobStatus.Queued, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        job.StoredPath = Path.Combine(folder, job.Id.ToString("N") + (job.IsPhotoArchive ? ".zip" : ".xml"));
        await using (var file = File.Create(job.StoredPath)) await upload.CopyToAsync(file, ct);
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        Wake();
        return job;
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
