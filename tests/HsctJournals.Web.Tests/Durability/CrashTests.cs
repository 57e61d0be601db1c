using System.Net;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Durability;

/// <summary>
/// Design invariant 3: a write that was acknowledged survives kill -9 and a restart. The app runs
/// as a real process; the post is written through the real forms, the process is killed the moment
/// the redirect arrives, then started again on the same database.
/// </summary>
public abstract class CrashTests(Func<ITestDatabase> database)
{
    [Fact]
    public async Task An_acknowledged_post_survives_kill_9_and_restart()
    {
        await using var db = database();
        await db.CreateAsync();
        string postUrl;
        await using (var app = await AppProcess.StartAsync(db))
        {
            postUrl = await CrashScenario.PublishPostAsync(app.Client(), "Crash journal", "Written just before the crash", "Still here after kill -9.");
            await app.KillAsync();
        }

        await using var restarted = await AppProcess.StartAsync(db);
        var page = await restarted.Client().GetAsync(postUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Still here after kill -9.", await page.Content.ReadAsStringAsync());
    }
}

public sealed class CrashTestsOnSqlite() : CrashTests(() => new SqliteTestDatabase());
public sealed class CrashTestsOnPostgres() : CrashTests(() => new PostgresTestDatabase());
