using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Clears the IP hashes of comments older than <see cref="CommentOptions.IpHashRetentionDays"/> (the issue's
/// 30-day promise), at start-up and then every hour. A background job rather than a cleanup on each comment
/// write: a quiet journal gets no writes, and its old hashes must still go. Several nodes may run it at
/// once; the update is idempotent.
/// </summary>
public sealed class IpHashCleanup(
    IServiceScopeFactory scopes, IOptions<CommentOptions> options, FirstResponseGate firstResponse, TimeProvider clock, ILogger<IpHashCleanup> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Clears hashes older than the retention period now; returns how many comments changed.</summary>
    public static Task<int> RunOnceAsync(JournalsDbContext db, DateTime nowUtc, int retentionDays, CancellationToken ct)
    {
        var cutoff = nowUtc.AddDays(-retentionDays);
        return db.Comments.Where(c => c.IpHash != null && c.CreatedAt < cutoff)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.IpHash, (string?)null), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await firstResponse.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<JournalsDbContext>();
                var cleared = await RunOnceAsync(db, clock.GetUtcNow().UtcDateTime, options.Value.IpHashRetentionDays, stoppingToken);
                if (cleared > 0) log.LogInformation("Cleared the IP hashes of {Count} old comments", cleared);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run tries again; a database hiccup must not stop the host.
                log.LogWarning(e, "Clearing old comment IP hashes failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
