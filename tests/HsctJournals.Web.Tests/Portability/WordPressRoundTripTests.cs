using System.Net;
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
