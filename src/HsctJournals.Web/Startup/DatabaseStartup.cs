using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Startup;

/// <summary>
/// The one named start-up step that brings the database up to date: migrate, then seed. It sits with Program above
/// the features (decision 0024), because seeding drives their use cases (the first admin, the demo journal).
/// </summary>
public static class DatabaseStartup
{
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<JournalsDbContext>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a post is saved; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var seedDemo = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemo;
        // Most starts are restarts with nothing to do; one plain query says so without compiling EF queries for each
        // check (decision 0053). Otherwise the full path below decides again.
        if (await DatabaseCurrentCheck.IsCurrentAsync(db, services.GetRequiredService<ILookupNormalizer>(), seedDemo))
        {
            NativeHeapTrim.ReleaseFreedMemory(log);
            return;
        }
        // Asking first (one read of the history table) skips what Migrate does even when nothing is pending: taking the
        // migration lock and comparing the whole model with the last migration's snapshot (decision 0041). A fresh or
        // older database still goes through Migrate, checks included.
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
            log.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
        }

        await AdminSeed.EnsureAdminAsync(services, log);
        if (seedDemo)
            await DemoSeed.SeedIfEmptyAsync(services, log);
        NativeHeapTrim.ReleaseFreedMemory(log);
    }
}
