using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Journals;

/// <summary>The site home's journal list, on each database.</summary>
public abstract class SiteHomeTests(AppFactory app)
{
    [Fact]
    public async Task A_post_scheduled_for_later_does_not_put_its_journal_first()
    {
        var owner = await app.CreateUserAsync();
        var recent = await app.CreateJournalAsync(owner, JournalVisibility.Public, $"Recent {Guid.NewGuid():N}"[..15]);
        var planning = await app.CreateJournalAsync(owner, JournalVisibility.Public, $"Planning {Guid.NewGuid():N}"[..17]);
        await app.CreatePostAsync(recent, owner, "Yesterday", publishAtUtc: DateTime.UtcNow.AddDays(-1));
        await app.CreatePostAsync(planning, owner, "Last week", publishAtUtc: DateTime.UtcNow.AddDays(-7));
        await app.CreatePostAsync(planning, owner, "Next week", status: PostStatus.Scheduled, publishAtUtc: DateTime.UtcNow.AddDays(7));

        var html = await app.AnonymousClient().GetStringAsync("/");

        var recentAt = html.IndexOf(recent.Title, StringComparison.Ordinal);
        var planningAt = html.IndexOf(planning.Title, StringComparison.Ordinal);
        Assert.True(recentAt >= 0 && planningAt >= 0, "Both journals are listed.");
        Assert.True(recentAt < planningAt, "The journal with the newest live post comes first.");
        Assert.DoesNotContain("Next week", html);
    }
}

public sealed class SiteHomeTestsOnSqlite(SqliteApp app) : SiteHomeTests(app), IClassFixture<SqliteApp>;
public sealed class SiteHomeTestsOnPostgres(PostgresApp app) : SiteHomeTests(app), IClassFixture<PostgresApp>;
