using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Feeds;

/// <summary>Plain RSS and Atom feeds: what an anonymous reader may read, nothing more.</summary>
public abstract class FeedTests(AppFactory app)
{
    [Theory]
    [InlineData("rss", "application/rss+xml")]
    [InlineData("atom", "application/atom+xml")]
    public async Task A_public_feed_parses_and_holds_the_live_posts_but_not_drafts_or_scheduled_ones(string extension, string mediaType)
    {
        var owner = await app.CreateUserAsync("Fay Feed");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Day -5: admitted", "Bags **packed**.", category: "Mobilisation", tags: "ward, bloods");
        await app.CreatePostAsync(journal, owner, "Unfinished draft", status: PostStatus.Draft);
        await app.CreatePostAsync(journal, owner, "Tomorrow's news", status: PostStatus.Scheduled, publishAtUtc: DateTime.UtcNow.AddDays(2));

        var response = await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/feed.{extension}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.False(response.Headers.Contains("X-Robots-Tag"));
        var feed = await ParseAsync(response);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Day -5: admitted", item.Title.Text);
        Assert.Equal($"http://localhost/j/{journal.Slug}/posts/day-5-admitted", item.Links[0].Uri.AbsoluteUri);
        Assert.StartsWith("tag:localhost,", item.Id);
        Assert.Equal(["Mobilisation", "bloods", "ward"], item.Categories.Select(c => c.Name));
        Assert.NotEqual(default, item.PublishDate);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Contains("Fay Feed", xml);
        Assert.Contains("&lt;strong&gt;packed&lt;/strong&gt;", xml);
    }

    [Fact]
    public async Task An_atom_entry_has_the_authors_name_the_excerpt_and_the_sanitised_html()
    {
        var owner = await app.CreateUserAsync("Ann Atom");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Engrafted", "Neutrophils **up**. <script>alert(1)</script>");

        var feed = await ParseAsync(await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/feed.atom"));

        var item = Assert.Single(feed.Items);
        Assert.Equal("Ann Atom", Assert.Single(item.Authors).Name);
        Assert.Null(item.Authors[0].Email);
        Assert.Contains("Neutrophils", item.Summary.Text);
        var content = Assert.IsType<TextSyndicationContent>(item.Content);
        Assert.Contains("<strong>up</strong>", content.Text);
        Assert.DoesNotContain("<script", content.Text);
    }

    [Fact]
    public async Task A_category_feed_holds_only_that_categorys_posts()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Harvest day", category: "Mobilisation");
        await app.CreatePostAsync(journal, owner, "Chemo starts", category: "Conditioning");
        var client = app.AnonymousClient();

        var rss = await ParseAsync(await client.GetAsync($"/j/{journal.Slug}/category/mobilisation/feed.rss"));
        var atom = await ParseAsync(await client.GetAsync($"/j/{journal.Slug}/category/conditioning/feed.atom"));

        Assert.Equal("Harvest day", Assert.Single(rss.Items).Title.Text);
        Assert.Equal("Chemo starts", Assert.Single(atom.Items).Title.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/j/{journal.Slug}/category/no-such/feed.rss")).StatusCode);
    }

    [Fact]
    public async Task A_feed_holds_the_newest_twenty_posts()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var start = DateTime.UtcNow.AddDays(-30);
        for (var i = 1; i <= 22; i++)
            await app.CreatePostAsync(journal, owner, $"Entry {i}", status: PostStatus.Published, publishAtUtc: start.AddDays(i));

        var feed = await ParseAsync(await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/feed.rss"));

        Assert.Equal(20, feed.Items.Count());
        Assert.Equal("Entry 22", feed.Items.First().Title.Text);
        Assert.Equal("Entry 3", feed.Items.Last().Title.Text);
    }

    [Fact]
    public async Task An_unlisted_journals_feed_asks_robots_not_to_index_it()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Unlisted);
        await app.CreatePostAsync(journal, owner, "Quiet news");

        foreach (var url in new[] { $"/j/{journal.Slug}/feed.rss", $"/j/{journal.Slug}/feed.atom" })
        {
            var response = await app.AnonymousClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
            Assert.Equal("Quiet news", Assert.Single((await ParseAsync(response)).Items).Title.Text);
        }
    }

    [Theory]
    [InlineData(JournalVisibility.ApprovedReaders)]
    [InlineData(JournalVisibility.Private)]
    public async Task A_non_public_journals_plain_feeds_are_not_found_even_for_its_owner_and_readers(JournalVisibility visibility)
    {
        var owner = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, visibility);
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        await app.CreatePostAsync(journal, owner, "Private news", category: "Ward");
        var clients = new[] { app.AnonymousClient(), await app.SignedInClientAsync(owner), await app.SignedInClientAsync(reader) };

        foreach (var client in clients)
        foreach (var url in new[] { "feed.rss", "feed.atom", "category/ward/feed.rss", "category/ward/feed.atom" })
        {
            var response = await client.GetAsync($"/j/{journal.Slug}/{url}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Private news", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_feed_answers_not_modified_to_a_reader_with_its_etag_until_it_changes()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "First");
        var client = app.AnonymousClient();
        var first = await client.GetAsync($"/j/{journal.Slug}/feed.atom");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/j/{journal.Slug}/feed.atom");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        await app.CreatePostAsync(journal, owner, "Second");
        var changed = new HttpRequestMessage(HttpMethod.Get, $"/j/{journal.Slug}/feed.atom");
        changed.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await ParseAsync(response)).Items.Count());
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_dropped_instead_of_breaking_the_feed()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Pasted\u0001 text", "From a PDF\u0008 with \u0002control characters.");

        foreach (var extension in new[] { "rss", "atom" })
        {
            var feed = await ParseAsync(await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/feed.{extension}"));
            Assert.Equal("Pasted text", Assert.Single(feed.Items).Title.Text);
        }
    }

    [Fact]
    public async Task No_feed_contains_the_authors_email_address()
    {
        var owner = await app.CreateUserAsync("Eve Private");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Hello", category: "News");
        var client = app.AnonymousClient();

        foreach (var url in new[] { "feed.rss", "feed.atom", "category/news/feed.rss", "category/news/feed.atom" })
        {
            var xml = await client.GetStringAsync($"/j/{journal.Slug}/{url}");
            Assert.Contains("Eve Private", xml);
            Assert.DoesNotContain(owner.Email!, xml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@tests.invalid", xml, StringComparison.OrdinalIgnoreCase);
        }
    }

    internal static async Task<SyndicationFeed> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }
}

public sealed class FeedTestsOnSqlite(SqliteApp app) : FeedTests(app), IClassFixture<SqliteApp>;
public sealed class FeedTestsOnPostgres(PostgresApp app) : FeedTests(app), IClassFixture<PostgresApp>;
