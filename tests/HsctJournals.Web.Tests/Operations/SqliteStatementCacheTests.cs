using System.Data;
using HsctJournals.Web.Data;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>
/// On SQLite a pooled context keeps its connection open and each SELECT prepared on it (decision 0065). Every other
/// test on SQLite runs through the kept statements too; these check the mechanism itself.
/// </summary>
public sealed class SqliteStatementCacheTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_context_keeps_its_connection_open_after_its_scope_and_its_selects_prepared_on_it()
    {
        SqliteConnection? connection = null;
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<JournalsDbContext>();
            // A constant EF writes into the SQL, so the statement can be told apart from the others kept on the connection.
            var query = db.Users.AsNoTracking().Where(u => u.DisplayName != "kept-statement-test").Select(u => u.Id);
            Assert.Equal(await query.ToListAsync(), await query.ToListAsync());
            connection = (SqliteConnection)db.Database.GetDbConnection();
        });

        Assert.Equal(ConnectionState.Open, connection!.State); // back in the pool, still open: its statements live on
        Assert.Single(SqliteStatementCache.KeptOn(connection), kept => kept.Contains("kept-statement-test"));
    }

    [Fact]
    public async Task The_same_select_run_while_its_first_result_is_being_read_runs_on_a_command_of_its_own()
    {
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<JournalsDbContext>();
            var query = db.Users.AsNoTracking().Select(u => u.Id);
            var read = 0;
            await foreach (var id in query.AsAsyncEnumerable())
            {
                read++;
                Assert.Contains(id, await query.ToListAsync()); // the kept command's reader is still open
            }
            Assert.True(read > 0);
        });
    }
}
