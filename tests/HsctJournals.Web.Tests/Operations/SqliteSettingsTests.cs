using HsctJournals.Web.Data;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>
/// The per-connection SQLite settings (decision 0022) are on every connection the app's contexts open:
/// WAL with synchronous=NORMAL by default or FULL when configured, and a busy timeout so writers queue inside SQLite.
/// </summary>
public sealed class SqliteSettingsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Connections_use_wal_with_normal_sync_and_wait_for_the_write_lock() =>
        Assert.Equal(("wal", 1L, (long)SqlitePragmas.BusyTimeoutMilliseconds), await PragmasAsync(app));

    [Fact]
    public async Task Full_sync_can_be_configured()
    {
        IAsyncLifetime full = new FullSyncSqliteApp();
        await full.InitializeAsync();
        try { Assert.Equal(2L, (await PragmasAsync((AppFactory)full)).Synchronous); }
        finally { await full.DisposeAsync(); }
    }

    private static async Task<(string JournalMode, long Synchronous, long BusyTimeout)> PragmasAsync(AppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JournalsDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            async Task<object> Pragma(string name)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name}";
                return (await command.ExecuteScalarAsync())!;
            }
            return ((string)await Pragma("journal_mode"), (long)await Pragma("synchronous"), (long)await Pragma("busy_timeout"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class FullSyncSqliteApp() : AppFactory(new SqliteTestDatabase())
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SqliteSynchronous", "Full");
    }
}
