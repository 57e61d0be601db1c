using HsctJournals.Web.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Data;

/// <summary>
/// Keeps SQLite's query-planner statistics (<c>sqlite_stat1</c>) current: <c>ANALYZE</c> once the first page has gone
/// out, then every hour. Without statistics SQLite chooses an index by rules of thumb, and one of them is wrong for
/// this app's commonest reader: "is any comment under this post the signed-in reader's own and still shown to them
/// apart" went through the (UserId) index, every comment the journal's owner ever wrote (10,000 in the benchmark),
/// instead of the post's few held and recent comments by (PostId, Status, CreatedAt). PostgreSQL keeps its own
/// statistics (autovacuum's analyse), so this runs on SQLite only. Decision 0060.
/// </summary>
internal sealed class SqliteStatistics(IServiceScopeFactory scopes, FirstResponseGate firstResponse, TimeProvider clock,
    ILogger<SqliteStatistics> log) : BackgroundService
{
    /// <summary>How often the statistics are gathered again: a young journal's tables grow tenfold in hours.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            await firstResponse.WaitAsync(stopping); // nothing added before the first page (decision 0053)
            while (true)
            {
                await GatherAsync(stopping);
                await Task.Delay(Every, clock, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Gathers the statistics now; a failure is logged and the next round tries again.</summary>
    public async Task GatherAsync(CancellationToken ct)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JournalsDbContext>();
                // analysis_limit samples about this many rows of each index instead of reading it whole, so a large
                // database is analysed in milliseconds; the estimates are as good for choosing an index.
                await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", ct);
            }
            // SQLite reads sqlite_stat1 when a connection loads the schema: pooled connections that are open now would
            // keep planning without it. Idle ones are closed now, busy ones when they are returned.
            SqliteConnection.ClearAllPools();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            log.LogWarning(e, "Could not gather SQLite's query-planner statistics; trying again in {Every}.", Every);
        }
    }
}
