using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Feeds;

/// <summary>Per-reader secret feed URLs for journals anonymous readers cannot see.</summary>
public abstract partial class SecretFeedTests(AppFactory app)
{
    [Fact]
    public async Task An_approved_reader_makes_a_secret_feed_that_works_without_signing_in()
    {
        var (journal, reader) = await ApprovedReadersJournalAsync();
        await app.CreatePostAsync(journal, (await OwnerOfAsync(journal)), "Counts are climbing");
        var client = await app.SignedInClientAsync(reader);

        var (rss, atom, html) = await CreateSecretFeedAsync(client, journal);

        Assert.Contains("like a password", html);
        var anonymous = app.AnonymousClient();
        foreach (var url in new[] { rss, atom })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal("noindex, nofollow", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
            Assert.Equal("Counts are climbing", Assert.Single((await FeedTests.ParseAsync(response)).Items).Title.Text);
        }
        // Only the hash is kept, so the address is not on the page any more once it is reloaded.
        var again = await client.GetStringAsync($"/j/{journal.Slug}/feeds");
        Assert.DoesNotContain(SecretOf(rss), again);
        Assert.Contains("Revoke", again);
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().FeedTokens
            .Where(t => t.JournalId == journal.Id).Select(t => t.TokenHash).ToListAsync());
        Assert.DoesNotContain(SecretOf(rss), stored);
    }

    [Fact]
    public async Task A_revoked_secret_feed_is_not_found()
    {
        var (journal, reader) = await ApprovedReadersJournalAsync();
        await app.CreatePostAsync(journal, await OwnerOfAsync(journal), "News");
        var client = await app.SignedInClientAsync(reader);
        var (rss, atom, _) = await CreateSecretFeedAsync(client, journal);
        var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(rss)).StatusCode);

        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/feeds");
        var revokeUrl = WebUtility.HtmlDecode(RevokeAction().Match(form.Html).Groups[1].Value);
        var response = await form.PostAsync(client, [], revokeUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("was revoked", await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(rss)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(atom)).StatusCode);
    }

    [Fact]
    public async Task A_secret_feed_stops_when_the_readers_membership_is_removed()
    {
        var (journal, reader) = await ApprovedReadersJournalAsync();
        await app.CreatePostAsync(journal, await OwnerOfAsync(journal), "News");
        var (rss, _, _) = await CreateSecretFeedAsync(await app.SignedInClientAsync(reader), journal);
        var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(rss)).StatusCode);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            await db.JournalMembers.Where(m => m.JournalId == journal.Id && m.UserId == reader.Id).ExecuteDeleteAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(rss)).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_revoke_request_leaves_the_feed_working()
    {
        var (journal, reader) = await ApprovedReadersJournalAsync();
        var (rss, _, _) = await CreateSecretFeedAsync(await app.SignedInClientAsync(reader), journal);
        var other = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, other, JournalRole.ApprovedReader);
        var otherClient = await app.SignedInClientAsync(other);
        var tokenId = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().FeedTokens
            .Where(t => t.UserId == reader.Id).Select(t => t.Id).SingleAsync());

        var form = await Forms.GetAsync(otherClient, $"/j/{journal.Slug}/feeds");
        await form.PostAsync(otherClient, [], $"/j/{journal.Slug}/feeds?handler=Revoke&id={tokenId}");

        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync(rss)).StatusCode);
    }

    [Theory]
    [InlineData("/feeds/feed_doesnotexist.rss")]
    [InlineData("/feeds/feed_doesnotexist.atom")]
    [InlineData("/feeds/whatever.rss")]
    public async Task An_unknown_secret_feed_is_not_found(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_feeds_page_of_a_non_public_journal_and_its_create_button_are_not_found_for_strangers()
    {
        var (journal, _) = await ApprovedReadersJournalAsync();
        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/j/{journal.Slug}/feeds")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/feeds")).StatusCode);
        var strangerForm = await Forms.GetAsync(stranger, "/journals/new");
        var response = await strangerForm.PostAsync(stranger, [], $"/j/{journal.Slug}/feeds?handler=Create");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_feeds_page_of_a_public_journal_lists_its_plain_feeds_to_anyone()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Hello", category: "Home");

        var html = await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}/feeds");

        Assert.Contains($"href=\"/j/{journal.Slug}/feed.rss\"", html);
        Assert.Contains($"href=\"/j/{journal.Slug}/feed.atom\"", html);
        Assert.Contains($"href=\"/j/{journal.Slug}/category/home/feed.rss\"", html);
        Assert.DoesNotContain("secret feed address", html);
    }

    private async Task<(Journal Journal, Web.Shared.AppUser Reader)> ApprovedReadersJournalAsync()
    {
        var owner = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        return (journal, reader);
    }

    private Task<Web.Shared.AppUser> OwnerOfAsync(Journal journal) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().JournalMembers
            .Where(m => m.JournalId == journal.Id && m.Role == JournalRole.Owner).Select(m => m.User).SingleAsync());

    private static async Task<(string Rss, string Atom, string Html)> CreateSecretFeedAsync(HttpClient client, Journal journal)
    {
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/feeds");
        var response = await form.PostAsync(client, [], $"/j/{journal.Slug}/feeds?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var rss = SecretUrl().Match(html);
        Assert.True(rss.Success, "No secret feed URL on the page");
        var path = new Uri(rss.Value).PathAndQuery;
        return (path, path[..^".rss".Length] + ".atom", html);
    }

    private static string SecretOf(string path) => path["/feeds/".Length..^".rss".Length];

    [GeneratedRegex(@"https?://[^""<\s]+/feeds/feed_[A-Za-z0-9_-]+\.rss")]
    private static partial Regex SecretUrl();

    [GeneratedRegex(@"action=""([^""]*handler=Revoke[^""]*)""")]
    private static partial Regex RevokeAction();
}

public sealed class SecretFeedTestsOnSqlite(SqliteApp app) : SecretFeedTests(app), IClassFixture<SqliteApp>;
public sealed class SecretFeedTestsOnPostgres(PostgresApp app) : SecretFeedTests(app), IClassFixture<PostgresApp>;
