using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Tests.Durability;

/// <summary>
/// Design invariant 3 under load: eight readers post comments through the form at once, the app is killed
/// (SIGKILL) while they are writing, and every comment that was answered with a redirect is in the database
/// afterwards. On SQLite this is what <c>synchronous=NORMAL</c> in WAL mode must still guarantee (decision 0022).
/// </summary>
public abstract class ConcurrentCrashTests(Func<ITestDatabase> database)
{
    [Fact]
    public async Task Every_comment_acknowledged_under_concurrent_load_survives_kill_9()
    {
        await using var db = database();
        await db.CreateAsync();
        var acknowledged = new ConcurrentBag<int>();
        // One loopback address posts them all: the per-address limit is lifted; the form's fill time too.
        await using (var app = await AppProcess.StartAsync(db, [new("Comments:MaxPerIp", "100000"), new("Comments:MinimumFillSeconds", "0")]))
        {
            var postPath = await CrashScenario.PublishPostAsync(app.Client(), "Load journal", "Many voices", "Comment away.");
            var anonymous = app.Client();
            var rendered = OpenPost.RenderedValue(await anonymous.GetStringAsync(postPath));

            using var stop = new CancellationTokenSource();
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task WriterAsync(int writer)
            {
                var client = app.Client();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.PostAsync(postPath + "?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
                        {
                            ["Input.Text"] = $"Voice {writer}/{i}", ["Input.AuthorName"] = $"Reader {writer}",
                            ["Input.AuthorEmail"] = $"r{writer}-{i}@readers.test", ["Input.Rendered"] = rendered,
                        }));
                    }
                    catch (HttpRequestException) { return; } // the process is gone: that request was never acknowledged
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    acknowledged.Add(OpenPost.CommentId(response));
                    if (acknowledged.Count >= 40) enough.TrySetResult();
                }
            }

            var writers = Enumerable.Range(0, 8).Select(WriterAsync).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
            await app.KillAsync(); // writers are still posting
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        // Read straight from the database: opening the SQLite file replays its WAL as the restarted app would.
        var stored = await StoredIdsAsync(db);
        Assert.Empty(acknowledged.Except(stored));
    }

    private static async Task<HashSet<int>> StoredIdsAsync(ITestDatabase db)
    {
        await using DbConnection connection = db.Provider == "Sqlite" ? new SqliteConnection(db.ConnectionString) : new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Comments\"";
        var ids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return ids;
    }
}

public sealed class ConcurrentCrashTestsOnSqlite() : ConcurrentCrashTests(() => new SqliteTestDatabase());
public sealed class ConcurrentCrashTestsOnPostgres() : ConcurrentCrashTests(() => new PostgresTestDatabase());
