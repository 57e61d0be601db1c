using System.Text.Json;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Runs queued imports and restores one at a time; on start it queues again what a restart interrupted (<see cref="ImportRecovery"/>). A job is claimed with a conditional update (Queued →
/// Running), so on several nodes only one runs it; the upload must be on this node's disk, so a
/// node that does not have the file leaves the job for the one that does.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, FirstResponseGate firstResponse, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await firstResponse.WaitAsync(stoppingToken);
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ImportRecovery>().RequeueInterruptedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Interrupted imports could not be queued again.");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import worker failed; it will try again.");
            }
            try { await queue.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JournalsDbContext>();
        var candidates = await db.ImportJobs.Where(j => j.Status == ImportJobStatus.Queued).OrderBy(j => j.CreatedAt)
            .Select(j => new { j.Id, j.Kind, j.JournalId, j.RequestedById, j.StoredPath, j.RestoreTitle, j.RestoreSlug }).Take(20).ToListAsync(ct);
        var job = candidates.FirstOrDefault(j => j.StoredPath is not null && File.Exists(j.StoredPath));
        if (job is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.ImportJobs.Where(j => j.Id == job.Id && j.Status == ImportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Running).SetProperty(j => j.StartedAt, now), ct);
        if (claimed == 0) return true;

        ImportReport report;
        try
        {
            Action<ImportProgress> progress = p => queue.Report(job.Id, p);
            var services = scope.ServiceProvider;
            report = job.Kind switch
            {
                ImportJobKind.Restore => await services.GetRequiredService<Backup.BackupRestorer>()
                    .RestoreAsync(job.Id, job.StoredPath!, job.RequestedById, job.RestoreTitle, job.RestoreSlug, progress, ct),
                ImportJobKind.PhotoArchive => await services.GetRequiredService<UploadsImporter>().ImportAsync(job.JournalId!.Value, job.RequestedById, job.StoredPath!, progress, ct),
                _ => await services.GetRequiredService<WordPressImporter>().ImportAsync(job.JournalId!.Value, job.RequestedById, job.StoredPath!, progress, ct),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {Job} failed", job.Id);
            db.ChangeTracker.Clear();
            report = new ImportReport
            {
                Succeeded = false,
                Error = job.Kind switch
                {
                    ImportJobKind.PhotoArchive => "The photo import stopped on an unexpected error; no post was changed. Photos stored before it stopped stay in the journal's Photos and are reused when you try again. Tell the site's admin if it happens again.",
                    ImportJobKind.Restore => "The restore stopped on an unexpected error; nothing was restored. Please try again, and tell the site's admin if it happens again.",
                    _ => "The import stopped on an unexpected error; nothing was imported. Please try again, and tell the site's admin if it happens again.",
                },
            };
        }
        var finished = clock.GetUtcNow().UtcDateTime;
        var json = JsonSerializer.Serialize(report);
        var status = report.Succeeded ? ImportJobStatus.Succeeded : ImportJobStatus.Failed;
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status).SetProperty(j => j.FinishedAt, finished)
            .SetProperty(j => j.ReportJson, json).SetProperty(j => j.StoredPath, (string?)null), CancellationToken.None);
        // A restore evicts its new journal itself.
        if (report.Succeeded && !report.NothingNew && job.Kind != ImportJobKind.Restore)
            await scope.ServiceProvider.GetRequiredService<Caching.PageCacheEviction>().JournalChangedAsync(job.JournalId!.Value, CancellationToken.None);
        queue.Forget(job.Id);
        try { File.Delete(job.StoredPath!); } catch (IOException) { }
        return true;
    }
}
