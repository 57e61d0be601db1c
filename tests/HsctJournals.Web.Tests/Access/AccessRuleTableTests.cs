using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Access;

/// <summary>
/// Design invariant 1 as a table: every kind of reader × every visibility × every read path.
/// A reader who may not read a journal gets exactly what a missing journal gives (404), and no
/// path — page, archive, search, feed, sitemap, API, counts — mentions its posts.
/// </summary>
public abstract class AccessRuleTableTests(AppFactory app)
{
    public enum Who { Anonymous, Stranger, ApprovedReader, CoAuthor, Owner, SiteAdmin }

    public static TheoryData<JournalVisibility, Who> Cases()
    {
        var data = new TheoryData<JournalVisibility, Who>();
        foreach (var visibility in Enum.GetValues<JournalVisibility>())
            foreach (var who in Enum.GetValues<Who>()) data.Add(visibility, who);
        return data;
    }

    /// <summary>The rule, written out independently of the code under test.</summary>
    private static bool MayRead(JournalVisibility visibility, Who who) => visibility switch
    {
        JournalVisibility.Public or JournalVisibility.Unlisted => true,
        JournalVisibility.ApprovedReaders => who is Who.ApprovedReader or Who.CoAuthor or Who.Owner,
        _ => who is Who.CoAuthor or Who.Owner,
    };

    private static bool MayWrite(Who who) => who is Who.CoAuthor or Who.Owner;

    /// <summary>Listed on the site home: public journals, and journals one belongs to (private ones only for writers).</summary>
    private static bool Listed(JournalVisibility visibility, Who who) =>
        visibility == JournalVisibility.Public
        || (who is Who.CoAuthor or Who.Owner)
        || (who == Who.ApprovedReader && visibility != JournalVisibility.Private);

    [Theory, MemberData(nameof(Cases))]
    public async Task Every_read_path_follows_the_one_access_rule(JournalVisibility visibility, Who who)
    {
        var marker = "M" + Guid.NewGuid().ToString("N")[..10];
        var owner = await app.CreateUserAsync();
        var coAuthor = await app.CreateUserAsync();
        var approved = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, visibility, $"Journal {marker}");
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        await app.AddMemberAsync(journal, approved, JournalRole.ApprovedReader);
        var published = await app.CreatePostAsync(journal, owner, $"Published {marker}", $"Body {marker}live", category: $"Cat {marker}", tags: $"tag{marker}");
        var draft = await app.CreatePostAsync(journal, owner, $"Draft {marker}", $"Body {marker}draft", status: PostStatus.Draft);
        var month = published.PublishedAt!.Value;

        var user = who switch
        {
            Who.Anonymous => null,
            Who.Stranger => await app.CreateUserAsync(),
            Who.ApprovedReader => approved,
            Who.CoAuthor => coAuthor,
            Who.Owner => owner,
            _ => await app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(AppFactory.AdminEmail)),
        };
        var client = user is null ? app.AnonymousClient() : await app.SignedInClientAsync(user.Email!, AppFactory.Password);
        var api = app.ApiClient(user is null ? null : await app.TokenForAsync(user));
        var mayRead = MayRead(visibility, who);
        var catSlug = $"cat-{marker.ToLowerInvariant()}";
        var tagSlug = $"tag{marker.ToLowerInvariant()}";

        // Pages and archives: readable => 200 with the post; otherwise 404 without a trace.
        foreach (var path in new[]
                 {
                     $"/j/{journal.Slug}", $"/j/{journal.Slug}/posts/{published.Slug}", $"/j/{journal.Slug}/archive",
                     $"/j/{journal.Slug}/category/{catSlug}", $"/j/{journal.Slug}/tag/{tagSlug}",
                     $"/j/{journal.Slug}/{month:yyyy}/{month:MM}",
                 })
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (mayRead)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} should read {visibility} {path}: {(int)response.StatusCode}");
                Assert.DoesNotContain($"Draft {marker}", body);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} must not read {visibility} {path}: {(int)response.StatusCode}");
                Assert.DoesNotContain(marker, body);
            }
        }

        // A draft is for its writers only, whoever else may read the journal.
        var draftResponse = await client.GetAsync($"/j/{journal.Slug}/posts/{draft.Slug}");
        Assert.Equal(mayRead && MayWrite(who) ? HttpStatusCode.OK : HttpStatusCode.NotFound, draftResponse.StatusCode);

        // The site home lists and counts only what the reader may see.
        var home = await client.GetStringAsync("/");
        Assert.Equal(Listed(visibility, who), home.Contains($"Journal {marker}"));
        Assert.DoesNotContain($"Draft {marker}", home);

        // Search: site-wide covers listed journals only; a journal's own search follows the page rule.
        var siteSearch = await client.GetStringAsync($"/search?q={marker}");
        Assert.Equal(Listed(visibility, who), siteSearch.Contains($"Published {marker}") || siteSearch.Contains($"<mark>{marker}</mark>"));
        Assert.DoesNotContain($"Draft {marker}", siteSearch);
        var journalSearch = await client.GetAsync($"/j/{journal.Slug}/search?q={marker}");
        Assert.Equal(mayRead ? HttpStatusCode.OK : HttpStatusCode.NotFound, journalSearch.StatusCode);
        if (!mayRead) Assert.DoesNotContain(marker, await journalSearch.Content.ReadAsStringAsync());

        // Feeds carry only what an anonymous reader may read, whoever asks.
        var anonymousMayRead = visibility is JournalVisibility.Public or JournalVisibility.Unlisted;
        foreach (var feed in new[] { "feed.rss", "feed.atom", $"category/{catSlug}/feed.rss" })
        {
            var response = await client.GetAsync($"/j/{journal.Slug}/{feed}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(anonymousMayRead ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(anonymousMayRead, body.Contains($"Published {marker}"));
            Assert.DoesNotContain($"Draft {marker}", body);
        }

        // The sitemap names public journals only.
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Equal(visibility == JournalVisibility.Public, sitemap.Contains($"/j/{journal.Slug}"));

        // The API answers through the same rule: 404 as for a missing journal, and no trace in lists.
        foreach (var path in new[] { $"/api/v1/journals/{journal.Slug}", $"/api/v1/journals/{journal.Slug}/posts", $"/api/v1/journals/{journal.Slug}/posts/{published.Slug}" })
        {
            var response = await api.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((mayRead ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode, $"{who} on {visibility} API {path}: {(int)response.StatusCode}");
            if (!mayRead) Assert.DoesNotContain(marker, body);
            Assert.DoesNotContain($"Draft {marker}", body);
        }
        var apiDraft = await api.GetAsync($"/api/v1/journals/{journal.Slug}/posts/{draft.Slug}");
        Assert.Equal(mayRead && MayWrite(who) ? HttpStatusCode.OK : HttpStatusCode.NotFound, apiDraft.StatusCode);
        var apiList = await api.GetStringAsync("/api/v1/journals");
        Assert.Equal(Listed(visibility, who), apiList.Contains(journal.Slug));

        // A page that does not exist looks exactly like one you may not read.
        var missing = await client.GetAsync($"/j/no-such-{marker.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_private_journal_answers_exactly_like_a_journal_that_does_not_exist()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var post = await app.CreatePostAsync(journal, owner, "Secret");
        var missingSlug = new string('x', journal.Slug.Length);
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());

        foreach (var suffix in new[] { "", $"/posts/{post.Slug}", "/archive", "/search?q=secret", "/feed.rss", "/feeds" })
        {
            var hidden = await client.GetAsync($"/j/{journal.Slug}{suffix}");
            var missing = await client.GetAsync($"/j/{missingSlug}{suffix}");
            Assert.Equal(missing.StatusCode, hidden.StatusCode);
            var hiddenBody = (await hidden.Content.ReadAsStringAsync()).Replace(journal.Slug, "SLUG");
            var missingBody = (await missing.Content.ReadAsStringAsync()).Replace(missingSlug, "SLUG");
            Assert.Equal(Normalise(missingBody), Normalise(hiddenBody));
        }
    }

    /// <summary>Antiforgery tokens differ per response; nothing else may.</summary>
    private static string Normalise(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "value=\"CfDJ8[^\"]+\"", "value=\"TOKEN\"");
}

public sealed class AccessRuleTableTestsOnSqlite(SqliteApp app) : AccessRuleTableTests(app), IClassFixture<SqliteApp>;
public sealed class AccessRuleTableTestsOnPostgres(PostgresApp app) : AccessRuleTableTests(app), IClassFixture<PostgresApp>;
