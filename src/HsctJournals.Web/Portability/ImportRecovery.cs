using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability;

/// <summary>
/// What happens to jobs the app was running when it stopped (a restart, a deploy, a crash): when the worker
/// starts, each job still marked Running whose upload is on this node's disk was this node's, and is queued
/// again to run from the start. That is safe for each kind: a WordPress import is idempotent (what was
/// committed is recognised and skipped), so is a photo archive (same bytes are not stored twice), and a restore
/// first deletes the journal it had begun (recorded on the job as soon as it was made) and frees its address.
/// The restorer is resolved only when a restore needs undoing: building it builds the Markdown sanitiser, a few
/// hundred milliseconds of CPU that almost every start would spend for nothing (decision 0049).
/// </summary>
public sealed class ImportRecovery(JournalsDbContext db, IServiceProvider services, ILogger<ImportRecovery> log)
{
    /// <returns>How many jobs were queued again.</returns>
    public async Task<int> RequeueInterruptedAsync(CancellationToken ct)
    {
        var running = await db.ImportJobs.AsNoTracking().Where(j => j.Status == ImportJobStatus.Running && j.StoredPath != null)
            .Select(j => new { j.Id, j.Kind, j.JournalId, j.StoredPath }).ToListAsync(ct);
        var requeued = 0;
        foreach (var job in running.Where(j => File.Exists(j.StoredPath)))
        {
            if (job.Kind == ImportJobKind.Restore && job.JournalId is { } begun
                && await db.Journals.AsNoTracking().FirstOrDefaultAsync(j => j.Id == begun, ct) is { } journal)
                await services.GetRequiredService<Backup.BackupRestorer>().UndoAsync(job.Id, journal);
            requeued += await db.ImportJobs.Where(j => j.Id == job.Id && j.Status == ImportJobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Queued).SetProperty(j => j.StartedAt, (DateTime?)null), ct);
            log.LogWarning("Import job {Job} ({Kind}) was interrupted by a restart; it runs again from the start", job.Id, job.Kind);
        }
        return requeued;
    }
}
