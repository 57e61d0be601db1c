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
            var client = app.Client();
            var login = await Forms.GetAsync(client, "/Identity/Account/Login");
            var signedIn = await login.PostAsync(client, new() { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

            var newJournal = await Forms.GetAsync(client, "/journals/new");
            var created = await newJournal.PostAsync(client, new() { ["Input.Title"] = "Crash journal", ["Input.Visibility"] = "Public" });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

            var write = await Forms.GetAsync(client, "/j/crash-journal/write");
            var saved = await write.PostAsync(client, new()
            {
                ["Input.Title"] = "Written just before the crash", ["Input.Markdown"] = "Still here after kill -9.", ["Input.Status"] = "Published",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            postUrl = saved.Headers.Location!.OriginalString;
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
