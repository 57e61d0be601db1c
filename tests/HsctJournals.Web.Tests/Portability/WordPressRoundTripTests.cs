using System.Net;
using System.Xml.Linq;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>Export as WXR, import into a fresh journal: the same posts, dates, categories, tags and comment trees (design invariant 8).</summary>
public abstract class WordPressRoundTripTests(AppFactory app)
{
    /// <summary>Everything the round trip must keep, in a form that compares by value.</summary>
    private sealed record PostShape(string Title, string Slug, PostStatus Status, DateTime? PublishedAt, string? Category, string Tags, string Text, string Comments);

    private Task<List<PostShape>> ShapeAsync(Journal journal) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var posts = await db.Posts.AsNoTracking().Include(p => p.Category).Include(p => p.Tags).Where(p => p.JournalId == journal.Id).OrderBy(p => p.Title).ToListAsync();
        var shapes = new List<PostShape>();
        foreach (var post in posts)
        {
            var comments = await db.Comments.AsNoTracking().Where(c => c.PostId == post.Id).ToListAsync();
            shapes.Add(new PostShape(post.Title, post.Slug, post.Status, post.PublishedAt is { } at ? Seconds(at) : null, post.Category?.Name,
                string.Join(",", post.Tags.Select(t => t.Name).Order()), post.PlainText, Tree(comments, null)));
        }
        return shapes;
    });

    /// <summary>A comment tree as text: each comment with its author, e-mail, status, date and text, its replies inside.</summary>
    private static string Tree(List<Comment> all, int? parent) => string.Join("", all.Where(c => c.ParentId == parent).OrderBy(c => Seconds(c.CreatedAt)).ThenBy(c => c.Text)
        .Select(c => $"[{c.AuthorName}|{c.AuthorEmail}|{c.AuthorWebsite}|{c.Status}|{Seconds(c.CreatedAt):O}|{c.Depth}|{c.Text}{Tree(all, c.Id)}]"));

    /// <summary>WXR dates carry whole seconds (as WordPress stores them), so the round trip is compared to the second.</summary>
    private static DateTime Seconds(DateTime value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    private async Task<string> ExportAsync(AppUser owner, Journal journal)
    {
        var client = await app.SignedInClientAsync(owner);
        var response = await client.GetAsync($"/j/{journal.Slug}/export/wordpress");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    private Task<ImportReport> ImportAsync(Journal journal, AppUser importer, string path) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<WordPressImporter>().ImportAsync(journal.Id, importer.Id, path, null, CancellationToken.None));

    [Fact]
    public async Task A_journal_exported_and_imported_into_a_fresh_journal_has_the_same_posts_dates_terms_and_comment_trees()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        await app.CreatePostAsync(journal, owner, "Harvest day", "**Bold** start.\n\nSecond paragraph with <b>html</b> & ampersand.", category: "Harvest", tags: "CD34, apheresis", publishAtUtc: new DateTime(2024, 4, 2, 8, 15, 0, DateTimeKind.Utc));
        await app.CreatePostAsync(journal, owner, "Still a draft", status: PostStatus.Draft);
        await app.CreatePostAsync(journal, owner, "Next month", status: PostStatus.Scheduled, publishAtUtc: DateTime.UtcNow.AddDays(30).AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond)));
        int? parent = null;
        for (var depth = 1; depth <= 5; depth++)
        {
            await app.AddCommentAsync(journal, post, $"Level {depth}", CommentKit.NewEmail(), $"Reply at depth {depth} <not a tag> & \"quotes\"\nsecond line", parent);
            parent = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        }
        await app.AddCommentAsync(journal, post, "Spammer", CommentKit.NewEmail(), "cheap pills");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            await db.Comments.Where(c => c.PostId == post.Id && c.AuthorName == "Spammer").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Spam));
        });
        var before = await ShapeAsync(journal);

        var file = await ExportAsync(owner, journal);
        var fresh = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var report = await ImportAsync(fresh, owner, file);
        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(0, report.SkippedCount);
        var after = await ShapeAsync(fresh);
        Assert.Equal(before, after);
        Assert.True((await ImportAsync(fresh, owner, file)).NothingNew);
    }

    [Fact]
    public async Task The_real_sample_survives_import_export_and_import_again()
    {
        var owner = await app.CreateUserAsync();
        var first = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        Assert.True((await ImportAsync(first, owner, WordPressFiles.Sample)).Succeeded);
        var second = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var report = await ImportAsync(second, owner, await ExportAsync(owner, first));
        Assert.True(report.Succeeded, report.Error);
        Assert.Equal((3, 210), (report.PostsImported, report.CommentsImported));
        Assert.Equal(await ShapeAsync(first), await ShapeAsync(second));
    }

    /// <summary>Each item's (post_name, post_date, post_date_gmt, first comment_date, first comment_date_gmt).</summary>
    private static List<(string Slug, string Date, string Gmt, string? CommentDate, string? CommentGmt)> Dates(string path)
    {
        XNamespace wp = "http://wordpress.org/export/1.2/";
        return System.Xml.Linq.XDocument.Load(path).Descendants("item")
            .Where(i => (string?)i.Element(wp + "post_type") == "post")
            .Select(i => ((string)i.Element(wp + "post_name")!, (string)i.Element(wp + "post_date")!, (string)i.Element(wp + "post_date_gmt")!,
                (string?)i.Element(wp + "comment")?.Element(wp + "comment_date"), (string?)i.Element(wp + "comment")?.Element(wp + "comment_date_gmt")))
            .OrderBy(d => d.Item1, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Post_date_is_the_owners_wall_clock_and_post_date_gmt_is_utc_as_wordpress_writes_them()
    {
        var (owner, journal, _) = await app.OpenJournalAsync();
        await app.DbAsync(db => db.Users.Where(u => u.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "America/New_York")));
        var summer = await app.CreatePostAsync(journal, owner, "Summer time", publishAtUtc: new DateTime(2024, 7, 2, 2, 30, 0, DateTimeKind.Utc));
        await app.CreatePostAsync(journal, owner, "Winter time", publishAtUtc: new DateTime(2024, 1, 15, 18, 5, 9, DateTimeKind.Utc));
        await app.AddCommentAsync(journal, summer, "Night owl", CommentKit.NewEmail(), "Late reply");
        await app.DbAsync(db => db.Comments.Where(c => c.PostId == summer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, new DateTime(2024, 7, 2, 3, 0, 0, DateTimeKind.Utc))));

        var file = await ExportAsync(owner, journal);
        var dates = Dates(file);
        // New York is UTC-4 in July (the local date is the day before) and UTC-5 in January.
        Assert.Contains(("summer-time", "2024-07-01 22:30:00", "2024-07-02 02:30:00", "2024-07-01 23:00:00", "2024-07-02 03:00:00"), dates);
        Assert.Contains(dates, d => d is ("winter-time", "2024-01-15 13:05:09", "2024-01-15 18:05:09", _, _));

        // Our importer reads the _gmt fields, so the instants come back unchanged.
        var before = await ShapeAsync(journal);
        var fresh = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        Assert.True((await ImportAsync(fresh, owner, file)).Succeeded);
        Assert.Equal(before, await ShapeAsync(fresh));
    }

    [Fact]
    public async Task The_sample_exported_again_from_a_utc_journal_has_the_samples_own_dates()
    {
        // The sample's blog runs on UTC, so WordPress wrote post_date equal to post_date_gmt; an owner on UTC gets the same.
        var owner = await app.CreateUserAsync();
        await app.DbAsync(db => db.Users.Where(u => u.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "UTC")));
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        Assert.True((await ImportAsync(journal, owner, WordPressFiles.Sample)).Succeeded);
        var exported = Dates(await ExportAsync(owner, journal));
        var sample = Dates(WordPressFiles.Sample).Where(d => exported.Any(e => e.Slug == d.Slug)).ToList();
        Assert.Equal(3, sample.Count);
        Assert.Equal(sample.Select(d => (d.Slug, d.Date, d.Gmt)), exported.Select(d => (d.Slug, d.Date, d.Gmt)));
    }

    [Fact]
    public async Task Only_an_owner_can_export_and_everyone_else_gets_404()
    {
        var (owner, journal, _) = await app.OpenJournalAsync();
        var coAuthor = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(coAuthor)).GetAsync($"/j/{journal.Slug}/export/wordpress")).StatusCode);
        var anonymous = await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/export/wordpress");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}

public sealed class WordPressRoundTripTestsOnSqlite(SqliteApp app) : WordPressRoundTripTests(app), IClassFixture<SqliteApp>;
public sealed class WordPressRoundTripTestsOnPostgres(PostgresApp app) : WordPressRoundTripTests(app), IClassFixture<PostgresApp>;
