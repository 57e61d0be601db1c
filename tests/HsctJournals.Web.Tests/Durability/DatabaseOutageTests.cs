using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.MultiNode;
using HsctJournals.Web.Tests.Notifications;
using Microsoft.Data.Sqlite;

namespace HsctJournals.Web.Tests.Durability;

/// <summary>
/// The database going away under a running app (docs/decisions/0050): people and scripts get 503 with Retry-After
/// and a message saying nothing was saved, never a 500; nothing is acknowledged that is not stored; and the app
/// serves again by itself when the database is back, without a restart.
/// </summary>
[Collection(MultiNodeCollection.Name)] // starts processes of its own: one such class at a time
public sealed class DatabaseOutageTests
{
    private const string Journal = "outage";

    [Fact]
    public async Task A_PostgreSQL_crash_mid_load_answers_503_loses_no_acknowledged_comment_and_heals_when_the_server_returns()
    {
        await using var server = new PrivatePostgresServer();
        await server.CreateAsync();
        await using var smtp = new TestSmtpServer();
        await using var app = await AppProcess.StartAsync(server, smtp.AppSettings.Concat(OpenPost.ScriptedCommentSettings));
        var postPath = await OpenPost.CreateAsync(app.BaseUrl, "Outage", Journal);

        var acknowledged = new ConcurrentBag<int>();
        var refused = new ConcurrentBag<HttpStatusCode>();
        var acknowledgedSinceRestart = 0;
        var restarted = false;
        using var stop = new CancellationTokenSource();
        async Task WriterAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await OpenPost.CommentAsync(app.BaseUrl, postPath, $"Through the outage {writer}/{i}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Add(OpenPost.CommentId(response));
                    if (Volatile.Read(ref restarted)) Interlocked.Increment(ref acknowledgedSinceRestart);
                }
                else
                {
                    refused.Add(response.StatusCode);
                    await Task.Delay(50); // a person pressing the button again, not a spin
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(WriterAsync).ToList();
        await Eventually.TrueAsync(() => acknowledged.Count >= 10, "comments before the crash", seconds: 120);
        await server.CrashAsync();

        // While the server is down: the form answers 503 with Retry-After and says nothing was saved; the API answers
        // 503 as ProblemDetails.
        var posted = await OpenPost.Client(app.BaseUrl).PostAsync(postPath + "?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = "While the database is down", ["Input.AuthorName"] = "Reader", ["Input.AuthorEmail"] = "down@readers.test",
        }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), posted.Headers.RetryAfter?.Delta);
        Assert.Contains("was not saved", await posted.Content.ReadAsStringAsync());
        var api = await OpenPost.Client(app.BaseUrl).GetAsync($"/api/v1/journals/{Journal}/posts");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        await Eventually.TrueAsync(() => refused.Count >= 20, "refusals while the server is down", seconds: 120);

        await server.StartAsync();
        Volatile.Write(ref restarted, true);
        await Eventually.TrueAsync(() => Volatile.Read(ref acknowledgedSinceRestart) >= 10, "comments after the server came back", seconds: 120);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.All(refused, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(acknowledged.Count, await OpenPost.StoredAsync(server.ConnectionString, acknowledged.ToArray()));
        Assert.Equal(HttpStatusCode.OK, (await OpenPost.Client(app.BaseUrl).GetAsync(postPath)).StatusCode);
    }

    [Fact]
    public async Task A_SQLite_database_locked_by_another_program_past_the_wait_answers_503_keeps_reading_and_writes_again_once_released()
    {
        await using var database = new SqliteTestDatabase();
        await database.CreateAsync();
        await using var smtp = new TestSmtpServer();
        await using var app = await AppProcess.StartAsync(database, smtp.AppSettings.Concat(OpenPost.ScriptedCommentSettings));
        var postPath = await OpenPost.CreateAsync(app.BaseUrl, "Outage", Journal);
        // A new API token: its first use is due to write its last-used time.
        var created = await OpenPost.Client(app.BaseUrl).PostAsJsonAsync("/api/v1/tokens",
            new { email = AppFactory.AdminEmail, password = AppFactory.Password, name = "outage" });
        var token = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("token").GetString();

        // Another program (a careless backup script, sqlite3 left open) takes the write lock and keeps it.
        await using (var other = new SqliteConnection(database.ConnectionString + ";Pooling=False"))
        {
            await other.OpenAsync();
            await using (var take = other.CreateCommand())
            {
                take.CommandText = "BEGIN IMMEDIATE;";
                await take.ExecuteNonQueryAsync();
            }

            var refused = await OpenPost.CommentAsync(app.BaseUrl, postPath, "While another program holds the lock");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("was not saved", await refused.Content.ReadAsStringAsync());
            // Reading goes on: WAL readers do not wait for a writer.
            Assert.Equal(HttpStatusCode.OK, (await OpenPost.Client(app.BaseUrl).GetAsync($"/j/{Journal}")).StatusCode);
            // So does an API read, although the token's last-used time cannot be written (bookkeeping, not the request).
            var api = OpenPost.Client(app.BaseUrl);
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/journals/{Journal}")).StatusCode);

            await using var release = other.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        var again = await OpenPost.CommentAsync(app.BaseUrl, postPath, "After the lock was released");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await OpenPost.Client(app.BaseUrl).GetStringAsync(postPath);
        Assert.Contains("After the lock was released", page);
        Assert.DoesNotContain("While another program holds the lock", page);
    }
}
