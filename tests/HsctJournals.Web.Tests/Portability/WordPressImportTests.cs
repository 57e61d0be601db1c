using System.Net;
using System.Net.Http.Headers;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;
using static HsctJournals.Web.Tests.Portability.WordPressFiles;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>WordPress import on the real database: the real sample, crafted files, hostile files, idempotence and old addresses.</summary>
public abstract class WordPressImportTests(AppFactory app)
{
    private async Task<(AppUser Owner, Journal Journal)> JournalAsync(JournalVisibility visibility = JournalVisibility.Public)
    {
        var owner = await app.CreateUserAsync("Sam Owner");
        return (owner, await app.CreateJournalAsync(owner, visibility));
    }

    private Task<ImportReport> ImportAsync(Journal journal, AppUser importer, string path) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<WordPressImporter>().ImportAsync(journal.Id, importer.Id, path, null, CancellationToken.None));

    private Task<T> DbAsync<T>(Func<JournalsDbContext, Task<T>> query) => app.WithScopeAsync(sp => query(sp.GetRequiredService<JournalsDbContext>()));

    [Fact]
    public async Task The_real_sample_imports_its_posts_and_every_comment_with_threads_dates_and_counts()
    {
        var (owner, journal) = await JournalAsync();
        var report = await ImportAsync(journal, owner, Sample);

        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(3, report.PostsImported);
        Assert.Equal(210, report.CommentsImported);
        Assert.Contains(report.Skipped, s => s.What.Contains("Privacy Policy") && s.Why.Contains("only posts"));

        var posts = await DbAsync(db => db.Posts.Where(p => p.JournalId == journal.Id).OrderBy(p => p.CreatedAt).ToListAsync());
        Assert.Equal(["What is HSCT?", "Day 0: my cells came home", "Six months on: what recovery looks like"], posts.Select(p => p.Title));
        var first = posts[0];
        Assert.Equal("what-is-hsct", first.Slug);
        Assert.Equal(PostStatus.Published, first.Status);
        Assert.Equal(new DateTime(2024, 3, 4, 9, 30, 0, DateTimeKind.Utc), first.PublishedAt);
        Assert.Equal("Sam Rivers", first.Byline); // the WordPress author has no account here: kept as the byline
        Assert.DoesNotContain("wp:paragraph", first.Markdown);
        Assert.StartsWith("<p>People keep asking me what HSCT actually is", first.Markdown);
        Assert.Equal("HSCT Journals", await DbAsync(db => db.Categories.Where(c => c.Id == first.CategoryId).Select(c => c.Name).SingleAsync()));
        Assert.Equal([60, 150, 0], posts.Select(p => p.CommentCount));

        var comments = await DbAsync(db => db.Comments.Where(c => c.Post.JournalId == journal.Id).ToListAsync());
        Assert.Equal(210, comments.Count);
        Assert.Equal(5, comments.Max(c => c.Depth));
        Assert.Equal(17, comments.Count(c => c.Depth == 5));
        // Depth is what the parent chain says, everywhere.
        var byId = comments.ToDictionary(c => c.Id);
        Assert.All(comments, c => Assert.Equal(c.ParentId is { } p ? byId[p].Depth + 1 : 1, c.Depth));
        var kate = comments.Single(c => c.AuthorName == "Kate Ibrahim" && c.CreatedAt == new DateTime(2024, 3, 4, 11, 7, 0, DateTimeKind.Utc));
        Assert.StartsWith("You have a whole team of people cheering", kate.Text);
        Assert.Equal(("Kate Ibrahim", "kate.ibrahim@example.com", CommentStatus.Approved), (kate.AuthorName, kate.AuthorEmail, kate.Status));
        Assert.Equal(new DateTime(2024, 3, 4, 11, 7, 0, DateTimeKind.Utc), kate.CreatedAt);
        Assert.Null(kate.IpHash); // WordPress's IP addresses are not brought over

        // E-mail addresses stay private on the public page.
        var page = await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}/posts/what-is-hsct");
        Assert.Contains("Kate Ibrahim", page);
        Assert.DoesNotContain("@example.com", page);
        Assert.DoesNotContain("@example.net", page);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing_and_a_later_export_adds_only_what_is_new()
    {
        var (owner, journal) = await JournalAsync();
        Assert.True((await ImportAsync(journal, owner, Sample)).Succeeded);
        var again = await ImportAsync(journal, owner, Sample);
        Assert.True(again.NothingNew);
        Assert.Equal((3, 210), (again.PostsAlreadyImported, again.CommentsAlreadyImported));
        Assert.Equal(3, await DbAsync(db => db.Posts.CountAsync(p => p.JournalId == journal.Id)));

        // A later export: one new reply under comment 1603 of post 7, one new post.
        var text = await File.ReadAllTextAsync(Sample);
        var at = text.LastIndexOf("<wp:comment>", text.IndexOf("<wp:comment_id>1604</wp:comment_id>", StringComparison.Ordinal), StringComparison.Ordinal);
        var later = Temp(text.Insert(at, Comment(99001, 1603, "A new reply since the last export") + "\n").Replace("</channel>", Item(500, "A new post") + "</channel>"));
        var delta = await ImportAsync(journal, owner, later);
        Assert.Equal((1, 1), (delta.PostsImported, delta.CommentsImported));
        var reply = await DbAsync(db => db.Comments.Include(c => c.Parent).SingleAsync(c => c.Text == "A new reply since the last export"));
        Assert.Equal("Aisha Walsh", reply.Parent!.AuthorName);
        Assert.Equal(2, reply.Depth);
        Assert.Equal(61, await DbAsync(db => db.Posts.Where(p => p.JournalId == journal.Id && p.Slug == "what-is-hsct").Select(p => p.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task A_thread_longer_than_one_write_chunk_keeps_every_parent_depth_count_and_idempotence()
    {
        var (owner, journal) = await JournalAsync();
        // Chains of five, each comment answering the one before: parents fall in the chunk before their replies.
        var total = WordPressImporter.CommentChunk * 2 + 50;
        var comments = string.Concat(Enumerable.Range(1, total).Select(i =>
            Comment(i, i % 5 == 1 ? 0 : i - 1, $"Comment number {i}", approved: i % 7 == 0 ? "0" : "1")));
        var path = Temp(Head + Item(10, "A long thread", comments: comments) + Tail);

        var report = await ImportAsync(journal, owner, path);

        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(total, report.CommentsImported);
        var rows = await DbAsync(db => db.Comments.Where(c => c.Post.JournalId == journal.Id).ToListAsync());
        Assert.Equal(total, rows.Count);
        var number = rows.ToDictionary(c => c.Id, c => int.Parse(c.Text["Comment number ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(rows, c =>
        {
            var i = number[c.Id];
            Assert.Equal((i - 1) % 5 + 1, c.Depth);
            int? parent = c.ParentId is { } p ? number[p] : null;
            Assert.Equal(i % 5 == 1 ? (int?)null : i - 1, parent);
        });
        var approved = Enumerable.Range(1, total).Count(i => i % 7 != 0);
        Assert.Equal(approved, await DbAsync(db => db.Posts.Where(p => p.JournalId == journal.Id).Select(p => p.CommentCount).SingleAsync()));

        var again = await ImportAsync(journal, owner, path);
        Assert.True(again.NothingNew);
        Assert.Equal(total, again.CommentsAlreadyImported);
    }

    [Fact]
    public async Task Statuses_categories_tags_excerpts_authors_shortcodes_spam_and_pingbacks_are_mapped()
    {
        var (owner, journal) = await JournalAsync();
        // A co-author whose address matches the WordPress author: posts and replies link to the account.
        var jo = await app.WithScopeAsync(async sp =>
        {
            var user = new AppUser { UserName = $"jo-{journal.Id}@crafted.example", Email = $"jo-{journal.Id}@crafted.example", EmailConfirmed = true, DisplayName = "Jo Here", CreatedAt = DateTime.UtcNow };
            Assert.True((await sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, AppFactory.Password)).Succeeded);
            return user;
        });
        await app.AddMemberAsync(journal, jo, JournalRole.CoAuthor);
        var terms = """<category domain="category" nicename="harvest"><![CDATA[Harvest]]></category><category domain="category" nicename="news"><![CDATA[News]]></category><category domain="post_tag" nicename="cd34"><![CDATA[CD34]]></category>""";
        var file = Temp(Head.Replace("jo@crafted.example", jo.Email) + string.Join("\n",
            Item(1, "Published one", terms: terms, excerpt: "My own excerpt", content: "[caption id=\"a\" width=\"3\"]<img src=\"https://crafted.example/wp-content/uploads/x.jpg\" alt=\"x\" /> The ward[/caption]\n\nLine one\nline two<script>alert(1)</script>",
                comments: Comment(10, 0, "Top") + Comment(11, 10, "Reply &amp; more", email: jo.Email!, author: "Jo") + Comment(12, 0, "Buy pills", approved: "spam")
                    + Comment(13, 0, "Waiting", approved: "0") + Comment(14, 0, "Binned", approved: "trash") + Comment(15, 0, "Linked to you", type: "pingback")),
            Item(2, "A draft", status: "draft"),
            Item(3, "Coming soon", status: "future", date: "2099-01-01 00:00:00"),
            Item(4, "Was private", status: "private"),
            Item(5, "In the bin", status: "trash"),
            Item(6, "About me", type: "page"),
            Item(7, "photo.jpg", type: "attachment", status: "inherit")) + Tail);

        var report = await ImportAsync(journal, owner, file);
        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(4, report.PostsImported);
        Assert.Contains(report.Skipped, s => s.What.Contains("In the bin") && s.Why.Contains("trash"));
        Assert.Contains(report.Skipped, s => s.What.Contains("About me"));
        Assert.Contains(report.Skipped, s => s.What.Contains("pingback"));
        Assert.Contains("https://crafted.example/wp-content/uploads/x.jpg", report.Images);
        Assert.Contains(report.Warnings, w => w.Contains("2 categories"));

        var posts = await DbAsync(db => db.Posts.Include(p => p.Tags).Include(p => p.Category).Where(p => p.JournalId == journal.Id).ToDictionaryAsync(p => p.Title));
        Assert.Equal(PostStatus.Draft, posts["A draft"].Status);
        Assert.Equal(PostStatus.Scheduled, posts["Coming soon"].Status);
        Assert.Equal(PostStatus.Draft, posts["Was private"].Status);
        var published = posts["Published one"];
        Assert.Equal(PostStatus.Published, published.Status);
        Assert.Equal(jo.Id, published.AuthorId);
        Assert.Null(published.Byline);
        Assert.Equal("Harvest", published.Category!.Name);
        Assert.Equal(["CD34", "News"], published.Tags.Select(t => t.Name).Order());
        Assert.Equal("My own excerpt", published.Excerpt);
        Assert.Contains("<figure><img src=\"https://crafted.example/wp-content/uploads/x.jpg\" alt=\"x\"><figcaption>The ward</figcaption></figure>", published.Markdown);
        Assert.Contains("<p>Line one<br>\nline two</p>", published.Markdown);
        Assert.DoesNotContain("script", published.Markdown);
        Assert.DoesNotContain("script", published.Html);
        Assert.NotNull(published.AnnouncedAt); // imported history is not mailed to followers

        var comments = await DbAsync(db => db.Comments.Where(c => c.PostId == published.Id).ToDictionaryAsync(c => c.Text));
        Assert.Equal(5, comments.Count);
        Assert.Equal(CommentStatus.Spam, comments["Buy pills"].Status);
        Assert.Equal(CommentStatus.Pending, comments["Waiting"].Status);
        Assert.Equal(CommentStatus.Trash, comments["Binned"].Status);
        Assert.Equal(jo.Id, comments["Reply & more"].UserId);
        Assert.Equal(comments["Top"].Id, comments["Reply & more"].ParentId);
        Assert.Equal("https://cass.example/", comments["Top"].AuthorWebsite);
        Assert.Equal(2, published.CommentCount); // approved only
    }

    [Fact]
    public async Task Old_addresses_answer_301_to_the_post_when_the_old_host_points_here_and_private_posts_stay_hidden()
    {
        var (owner, journal) = await JournalAsync();
        Assert.True((await ImportAsync(journal, owner, Sample)).Succeeded);
        var client = app.AnonymousClient();
        foreach (var old in new[] { "/2024/03/what-is-hsct/", "/2024/03/what-is-hsct", "/2024/03/04/what-is-hsct/", "/?p=7" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, old);
            request.Headers.Host = "127.0.0.1:8081";
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal($"/j/{journal.Slug}/posts/what-is-hsct", response.Headers.Location?.OriginalString);
        }

        var (secretOwner, secret) = await JournalAsync(JournalVisibility.Private);
        var file = Temp(Head + Item(4242, "Secret day") + Tail);
        Assert.True((await ImportAsync(secret, secretOwner, file)).Succeeded);
        var hidden = new HttpRequestMessage(HttpMethod.Get, "/?p=4242");
        hidden.Headers.Host = "127.0.0.1:8081"; // an old host the owner pointed here (allowed through Site:ExtraHosts)
        var anonymous = await client.SendAsync(hidden);
        Assert.NotEqual(HttpStatusCode.MovedPermanently, anonymous.StatusCode);
        Assert.DoesNotContain("secret-day", await anonymous.Content.ReadAsStringAsync());
        var ownerClient = await app.SignedInClientAsync(secretOwner);
        var mine = new HttpRequestMessage(HttpMethod.Get, "/?p=4242");
        mine.Headers.Host = "127.0.0.1:8081"; // an old host the owner pointed here (allowed through Site:ExtraHosts)
        Assert.Equal(HttpStatusCode.MovedPermanently, (await ownerClient.SendAsync(mine)).StatusCode);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><rss><channel>&lol2;</channel></rss>", "DTD")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&xxe;</title></channel></rss>", "DTD")]
    [InlineData("<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<item><title>oops</item>\n</channel></rss>", "line 4")]
    [InlineData("<?xml version=\"1.0\"?><html><body>Not a blog</body></html>", "not a WordPress export")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title></channel></rss>", "RSS feed, not a WordPress export")]
    [InlineData("PK\u0003\u0004 not really a zip", "ZIP archive")]
    public async Task Hostile_malformed_and_wrong_files_are_refused_with_a_clear_message_and_import_nothing(string content, string expected)
    {
        var (owner, journal) = await JournalAsync();
        var report = await ImportAsync(journal, owner, Temp(content));
        Assert.False(report.Succeeded);
        Assert.Contains(expected, report.Error);
        Assert.Equal(0, await DbAsync(db => db.Posts.CountAsync(p => p.JournalId == journal.Id)));
    }

    [Fact]
    public async Task A_malformed_file_reports_the_line_and_column()
    {
        var (owner, journal) = await JournalAsync();
        var report = await ImportAsync(journal, owner, Temp(Head + Item(1, "Fine") + "\n<item><title>broken</titel></item>" + Tail));
        Assert.False(report.Succeeded);
        Assert.NotNull(report.ErrorLine);
        Assert.NotNull(report.ErrorColumn);
        Assert.Contains($"line {report.ErrorLine}, column {report.ErrorColumn}", report.Error);
        Assert.Equal(0, await DbAsync(db => db.Posts.CountAsync(p => p.JournalId == journal.Id)));
    }

    [Fact]
    public async Task The_owner_uploads_the_sample_watches_the_job_and_reads_the_report()
    {
        var (owner, journal) = await JournalAsync();
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/import");

        var wrong = await UploadAsync(client, form, "notes.pdf", "%PDF-1.4");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("is a .pdf file", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        var response = await UploadAsync(client, form, "hsct.WordPress.2026-11-26.xml", await File.ReadAllTextAsync(Sample));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var jobPage = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/j/{journal.Slug}/import/", jobPage);

        string html;
        var polls = 0;
        do
        {
            html = await client.GetStringAsync(jobPage);
            if (html.Contains("data-job-running")) await Task.Delay(250);
        } while (html.Contains("data-job-running") && ++polls < 400);
        Assert.Contains("Import finished", html);
        Assert.Contains("3 posts imported", html);
        Assert.Contains("210 comments imported", html);
        Assert.Contains("Privacy Policy", html);

        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(jobPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/j/{journal.Slug}/import")).StatusCode);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Forms form, string name, string content)
    {
        var body = new MultipartFormDataContent
        {
            { new StringContent(form.Token ?? throw new InvalidOperationException("The import form must carry an antiforgery token.")), "__RequestVerificationToken" },
        };
        var file = new StringContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        body.Add(file, "Upload", name);
        return client.PostAsync(form.Url, body);
    }
}

public sealed class WordPressImportTestsOnSqlite(SqliteApp app) : WordPressImportTests(app), IClassFixture<SqliteApp>;
public sealed class WordPressImportTestsOnPostgres(PostgresApp app) : WordPressImportTests(app), IClassFixture<PostgresApp>;
