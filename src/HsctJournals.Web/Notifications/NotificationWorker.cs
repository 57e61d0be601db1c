using System.Diagnostics;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// The background loop on every node: run the jobs features registered (<see cref="INotificationJob"/>: the follow
/// feature announces posts that went live and queues due digests), then deliver the outbox batch by batch; then wait for <see cref="NotificationOptions.PollSeconds"/>
/// or a <see cref="OutboxSignal"/> (plus <see cref="NotificationOptions.GatherMilliseconds"/>, so mail queued close
/// together goes out in one batch). A signal wakes only the delivery; the jobs keep the poll's pace. All coordination between nodes is in the database.
/// </summary>
public sealed class NotificationWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, FirstResponseGate firstResponse, IOptions<NotificationOptions> options, IOptions<NotificationJobs> jobs, TimeProvider clock,
    ILogger<NotificationWorker> log) : BackgroundService
{
    private static readonly TimeSpan KeepSentFor = TimeSpan.FromDays(14);
    private DateTime _lastCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // do not hold up host start-up
        await firstResponse.WaitAsync(stoppingToken);
        var o = options.Value;
        var poll = TimeSpan.FromSeconds(o.PollSeconds);
        var gather = TimeSpan.FromMilliseconds(o.GatherMilliseconds);
        var signalled = false;
        long jobsRanAt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A signal means mail is waiting, not that a job has work: the jobs keep the poll's pace, so a busy
                // comment thread (a signal per commit) does not run their queries once per comment (decision 0055).
                if (!signalled || Stopwatch.GetElapsedTime(jobsRanAt) >= poll)
                {
                    jobsRanAt = Stopwatch.GetTimestamp();
                    await RunJobsAsync(stoppingToken);
                }
                await DeliverAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable; the next round tries again.
                log.LogWarning(e, "Notification round failed.");
            }
            try
            {
                signalled = await signal.WaitAsync(poll, stoppingToken);
                // Let the writes right behind this one queue their mail too, so one claim takes them all.
                if (signalled && gather > TimeSpan.Zero) await Task.Delay(gather, stoppingToken);
            }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One round of every job; public so tests and tools can drive it.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await RunJobsAsync(ct);
        await DeliverAsync(ct);
    }

    private async Task RunJobsAsync(CancellationToken ct)
    {
        foreach (var job in jobs.Value.Types)
            await InScopeAsync<INotificationJob>(job, j => j.RunAsync(ct));
    }

    private async Task DeliverAsync(CancellationToken ct)
    {
        int claimed;
        do claimed = await InScopeAsync<OutboxProcessor>(p => p.RunBatchAsync(ct));
        while (claimed >= options.Value.BatchSize && !ct.IsCancellationRequested);
        await CleanUpAsync(ct);
    }

    /// <summary>Sent messages (with the addresses in them) are kept two weeks for troubleshooting, then deleted.</summary>
    private async Task CleanUpAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastCleanup < TimeSpan.FromHours(1)) return;
        _lastCleanup = now;
        var before = now - KeepSentFor;
        await InScopeAsync<JournalsDbContext>(db => db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(ct));
    }

    private Task<int> InScopeAsync<T>(Func<T, Task<int>> work) where T : notnull => InScopeAsync(typeof(T), work);

    private async Task<int> InScopeAsync<T>(Type service, Func<T, Task<int>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work((T)scope.ServiceProvider.GetRequiredService(service));
    }
}
