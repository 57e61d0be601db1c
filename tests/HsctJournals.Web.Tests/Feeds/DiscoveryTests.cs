using System.Net;
using System.Xml.Linq;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Feeds;

/// <summary>sitemap.xml and robots.txt: public journals only, absolute URLs, no private details.</summary>
public abstract class DiscoveryTests(AppFactory app)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_public_journals_their_live_posts_and_categories_and_nothing_else()
    {
        var owner = await app.CreateUserAsync("Sam Sitemap");
        var open = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(open, owner, "Public entry", category: "Ward life");
        await app.CreatePostAsync(open, owner, "Draft entry", status: PostStatus.Draft);
        await app.CreatePostAsync(open, owner, "Future entry", status: PostStatus.Scheduled, publishAtUtc: DateTime.UtcNow.AddDays(3));
        var hidden = new List<Journal>();
        foreach (var visibility in new[] { JournalVisibility.Unlisted, JournalVisibility.ApprovedReaders, JournalVisibility.Private })
        {
            var journal = await app.CreateJournalAsync(owner, visibility);
            await app.CreatePostAsync(journal, owner, $"Hidden {visibility}", category: "Secret category");
            hidden.Add(journal);
        }

        var response = await app.AnonymousClient().GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var document = XDocument.Parse(text);
        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(Sitemap + "url").ToDictionary(
            u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);
        Assert.Contains($"http://localhost/j/{open.Slug}", urls.Keys);
        Assert.Contains($"http://localhost/j/{open.Slug}/category/ward-life", urls.Keys);
        var post = $"http://localhost/j/{open.Slug}/posts/public-entry";
        Assert.Contains(post, urls.Keys);
        Assert.True(DateTimeOffset.TryParse(urls[post], out _), $"lastmod '{urls[post]}' is not a date");
        Assert.DoesNotContain(urls.Keys, u => u.Contains("draft-entry") || u.Contains("future-entry"));
        foreach (var journal in hidden) Assert.DoesNotContain(urls.Keys, u => u.Contains(journal.Slug));
        Assert.DoesNotContain("Hidden", text);
        Assert.DoesNotContain(owner.Email!, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", text);
    }

    [Fact]
    public async Task Robots_txt_names_the_sitemap_and_keeps_robots_out_of_private_areas()
    {
        var response = await app.AnonymousClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        foreach (var path in new[] { "/Identity/", "/api/", "/me", "/feeds/", "/j/*/write", "/j/*/manage", "/j/*/settings", "/j/*/posts/*/edit" })
            Assert.Contains($"Disallow: {path}", lines);
    }
}

public sealed class DiscoveryTestsOnSqlite(SqliteApp app) : DiscoveryTests(app), IClassFixture<SqliteApp>;
public sealed class DiscoveryTestsOnPostgres(PostgresApp app) : DiscoveryTests(app), IClassFixture<PostgresApp>;
