using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Journals;

/// <summary>
/// A post page's previous and next links: the live posts of the same journal published just before and after it (equal
/// times by id), never a draft, a post not yet due or a post of another journal, for cached and uncached readers alike.
/// </summary>
public abstract class PostNeighbourTests(AppFactory app)
{
    [Fact]
    public async Task Previous_and_next_are_the_journals_live_posts_either_side_in_publication_order()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var other = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var day = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var first = await app.CreatePostAsync(journal, owner, "First", publishAtUtc: day);
        var second = await app.CreatePostAsync(journal, owner, "Second", publishAtUtc: day.AddDays(1));
        await app.CreatePostAsync(other, owner, "Elsewhere", publishAtUtc: day.AddDays(1).AddHours(1));
        await app.CreatePostAsync(journal, owner, "Unfinished", status: PostStatus.Draft);
        var tie = await app.CreatePostAsync(journal, owner, "Same moment", publishAtUtc: day.AddDays(1));
        var third = await app.CreatePostAsync(journal, owner, "Third", publishAtUtc: day.AddDays(2));
        var now = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        var scheduled = await app.CreatePostAsync(journal, owner, "Next year", status: PostStatus.Scheduled, publishAtUtc: now.AddYears(1));

        var anonymous = app.AnonymousClient();
        var signedIn = await app.SignedInClientAsync(owner);
        async Task AssertLinksAsync(Post post, Post? previous, Post? next)
        {
            foreach (var client in new[] { anonymous, signedIn })
            {
                var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}"));
                Assert.Equal(previous is null ? null : ($"/j/{journal.Slug}/posts/{previous.Slug}", previous.Title), Link(html, "prev"));
                Assert.Equal(next is null ? null : ($"/j/{journal.Slug}/posts/{next.Slug}", next.Title), Link(html, "next"));
            }
        }

        await AssertLinksAsync(first, null, second);
        await AssertLinksAsync(second, first, tie);
        await AssertLinksAsync(tie, second, third);
        await AssertLinksAsync(third, tie, null);

        // The owner may open the post not yet due; it shows the live post before it and nothing after.
        var html = WebUtility.HtmlDecode(await signedIn.GetStringAsync($"/j/{journal.Slug}/posts/{scheduled.Slug}"));
        Assert.Equal(($"/j/{journal.Slug}/posts/{third.Slug}", third.Title), Link(html, "prev"));
        Assert.Null(Link(html, "next"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/j/{journal.Slug}/posts/{scheduled.Slug}")).StatusCode);
    }

    /// <summary>The post navigation's link with <paramref name="rel"/>: its address and the title it shows, or null.</summary>
    private static (string Href, string Title)? Link(string html, string rel)
    {
        var match = Regex.Match(html, $"<a href=\"([^\"]*)\" rel=\"{rel}\">(?:← )?([^<]*?)(?: →)?</a>");
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
    }
}

public sealed class PostNeighbourTestsOnSqlite(SqliteApp app) : PostNeighbourTests(app), IClassFixture<SqliteApp>;
public sealed class PostNeighbourTestsOnPostgres(PostgresApp app) : PostNeighbourTests(app), IClassFixture<PostgresApp>;
