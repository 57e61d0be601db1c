using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Journals;

/// <summary>
/// The journal a page or endpoint filter resolves is tracked only for a request that may change it: a GET or HEAD gets
/// it untracked (decision 0066), anything else tracked, so the settings pages' POSTs still save through it.
/// </summary>
public abstract class JournalContextTrackingTests(AppFactory app)
{
    [Theory]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    public async Task The_filters_journal_is_tracked_only_for_a_request_that_may_change_it(string method, bool tracked)
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.WithScopeAsync(async sp =>
        {
            var http = new DefaultHttpContext { RequestServices = sp };
            http.Request.Method = method;
            var here = sp.GetRequiredService<JournalContext>();

            Assert.True(await here.ResolveForAsync(http, journal.Slug));

            Assert.Equal(journal.Id, here.Journal.Id);
            var entries = sp.GetRequiredService<JournalsDbContext>().ChangeTracker.Entries<Journal>().Select(e => e.Entity.Id).ToList();
            Assert.Equal(tracked ? [journal.Id] : [], entries);
        });
    }
}

public sealed class JournalContextTrackingTestsOnSqlite(SqliteApp app) : JournalContextTrackingTests(app), IClassFixture<SqliteApp>;
public sealed class JournalContextTrackingTestsOnPostgres(PostgresApp app) : JournalContextTrackingTests(app), IClassFixture<PostgresApp>;
