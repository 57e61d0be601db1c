using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Startup;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>
/// Starting on a database (decision 0053): a fresh one is migrated and seeded, a restart on a seeded one skips the
/// seeds and adds nothing, and a restart on one that lacks what the seeds make runs them again. Each test starts the
/// app more than once on its own database.
/// </summary>
public abstract class DatabaseStartupTests
{
    protected abstract ITestDatabase NewDatabase();

    [Fact]
    public async Task A_fresh_database_is_seeded_and_a_restart_adds_nothing()
    {
        await using var database = NewDatabase();
        await database.CreateAsync();

        Snapshot fresh;
        await using (var first = new StartedApp(database, seedDemo: true))
        {
            fresh = await SnapshotAsync(first);
            Assert.True(fresh.AdminIsSiteAdmin);
            Assert.Contains("counting-from-zero", fresh.JournalSlugs);
            Assert.Contains("private-notebook", fresh.JournalSlugs);
            Assert.True(fresh.Comments > 0);
            Assert.True(await first.WithScopeAsync(IsCurrentAsync(demoSeedOn: true)));
        }

        await using var second = new StartedApp(database, seedDemo: true);
        Assert.Equal(fresh, await SnapshotAsync(second));
    }

    [Fact]
    public async Task A_restart_without_a_site_admin_creates_it_and_leaves_the_journals_alone()
    {
        await using var database = NewDatabase();
        await database.CreateAsync();

        Snapshot before;
        await using (var first = new StartedApp(database, seedDemo: true))
        {
            before = await SnapshotAsync(first);
            await first.WithScopeAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<AppUser>>();
                var admin = await users.FindByEmailAsync(AppFactory.AdminEmail);
                Assert.True((await users.DeleteAsync(admin!)).Succeeded);
            });
            Assert.False(await first.WithScopeAsync(IsCurrentAsync(demoSeedOn: true)));
        }

        await using var second = new StartedApp(database, seedDemo: true);
        var after = await SnapshotAsync(second);
        Assert.True(after.AdminIsSiteAdmin);
        Assert.Equal(before.JournalSlugs, after.JournalSlugs);
        Assert.Equal(before.Users, after.Users);
        Assert.Equal(before.Comments, after.Comments);
        Assert.True(await second.WithScopeAsync(IsCurrentAsync(demoSeedOn: true)));
    }

    [Fact]
    public async Task A_missing_migration_or_missing_demo_content_is_not_current()
    {
        await using var database = NewDatabase();
        await database.CreateAsync();
        await using var app = new StartedApp(database, seedDemo: false);

        // No journals: current when the demo seed is off, not when it is on (its seed would run).
        Assert.True(await app.WithScopeAsync(IsCurrentAsync(demoSeedOn: false)));
        Assert.False(await app.WithScopeAsync(IsCurrentAsync(demoSeedOn: true)));

        // The newest migration not recorded as applied: not current (inside a transaction that is rolled back).
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<JournalsDbContext>();
            var newest = db.GetService<IMigrationsAssembly>().Migrations.Keys.Max(StringComparer.Ordinal)!;
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {newest}"));
            Assert.False(await IsCurrentAsync(demoSeedOn: false)(services));
            await transaction.RollbackAsync();
            Assert.True(await IsCurrentAsync(demoSeedOn: false)(services));
        });
    }

    private static Func<IServiceProvider, Task<bool>> IsCurrentAsync(bool demoSeedOn) => services =>
        DatabaseCurrentCheck.IsCurrentAsync(services.GetRequiredService<JournalsDbContext>(), services.GetRequiredService<ILookupNormalizer>(), demoSeedOn);

    private sealed record Snapshot(bool AdminIsSiteAdmin, int Users, int Roles, string JournalSlugs, int Posts, int Comments, int Photos);

    private static Task<Snapshot> SnapshotAsync(AppFactory app) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<JournalsDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(AppFactory.AdminEmail);
        return new Snapshot(
            admin is not null && await users.IsInRoleAsync(admin, Web.Shared.Roles.SiteAdmin),
            await db.Users.CountAsync(),
            await db.Roles.CountAsync(),
            string.Join(",", await db.Journals.OrderBy(j => j.Slug).Select(j => j.Slug).ToListAsync()),
            await db.Posts.CountAsync(),
            await db.Comments.CountAsync(),
            await db.Photos.CountAsync());
    });

    /// <summary>The app started (migrations and seeds run) on a database the test owns; disposing stops it and keeps the database.</summary>
    private sealed class StartedApp : AppFactory
    {
        private readonly bool _seedDemo;

        public StartedApp(ITestDatabase database, bool seedDemo) : base(database)
        {
            _seedDemo = seedDemo;
            _ = Services;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:SeedDemo", _seedDemo ? "true" : "false");
        }
    }
}

public sealed class DatabaseStartupTestsOnSqlite : DatabaseStartupTests
{
    protected override ITestDatabase NewDatabase() => new SqliteTestDatabase();
}

public sealed class DatabaseStartupTestsOnPostgres : DatabaseStartupTests
{
    protected override ITestDatabase NewDatabase() => new PostgresTestDatabase();
}
