using System.Net;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Journals;

/// <summary>Writing posts through the editor form, on each database.</summary>
public abstract class PostWritingTests(AppFactory app)
{
    [Fact]
    public async Task An_author_publishes_a_post_and_a_stranger_reads_it()
    {
        var owner = await app.CreateUserAsync("Olive Owner");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);

        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        var response = await form.PostAsync(client, new()
        {
            ["Input.Title"] = "Day +3: the fever", ["Input.Markdown"] = "It **arrived** on schedule.",
            ["Input.Status"] = "Published", ["Input.NewCategory"] = "Isolation & Engraftment", ["Input.Tags"] = "fever, bloods",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/j/{journal.Slug}/posts/day-3-the-fever", response.Headers.Location!.OriginalString);
        var page = await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}/posts/day-3-the-fever");
        Assert.Contains("<strong>arrived</strong>", page);
        Assert.Contains("by <span class=\"author\">Olive Owner</span>", page);
        Assert.Contains("Isolation &amp; Engraftment", page);
        Assert.Contains("#fever", page);
    }

    [Fact]
    public async Task A_form_with_errors_comes_back_with_the_text_kept_and_nothing_saved()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        var longTitle = new string('x', Post.TitleMaxLength + 1);

        var response = await form.PostAsync(client, new()
        {
            ["Input.Title"] = longTitle, ["Input.Markdown"] = "My precious words <script>alert(1)</script>",
            ["Input.Status"] = "Published",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"at most {Post.TitleMaxLength} characters", html);
        Assert.Contains("My precious words &lt;script&gt;alert(1)&lt;/script&gt;", html);
        var list = await (await app.SignedInClientAsync(owner)).GetStringAsync($"/j/{journal.Slug}/manage");
        Assert.Contains("No posts yet.", list);
    }

    [Fact]
    public async Task An_expired_antiforgery_token_keeps_the_text_and_asks_to_save_again()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        await Forms.GetAsync(client, $"/j/{journal.Slug}/write");

        var response = await client.PostAsync($"/j/{journal.Slug}/write", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "Kept title", ["Input.Markdown"] = "Kept text", ["__RequestVerificationToken"] = "expired",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("press Save again", html);
        Assert.Contains("Kept text", html);
    }

    [Fact]
    public async Task Hostile_markdown_is_sanitised()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "Hostile", """
            <script>alert('x')</script>

            <img src="x" onerror="alert(1)">

            [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href="JaVaScRiPt:alert(2)">mixed case</a>

            <a href="https://example.org/" onclick="steal()">out</a> <iframe src="https://evil.example/"></iframe>

            <div><b>unclosed
            """);

        var html = await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        var body = html[html.IndexOf("class=\"post-body\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<script>alert", body);
        Assert.DoesNotContain("onerror", body);
        Assert.DoesNotContain("onclick", body);
        Assert.DoesNotContain("href=\"javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", body);
        Assert.DoesNotContain("<iframe", body);
        Assert.Contains("<a href=\"https://example.org/\"", body);
        Assert.Contains("rel=\"noopener nofollow ugc\"", body);
    }

    [Fact]
    public async Task A_five_megabyte_post_is_refused_with_a_message_not_a_crash()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");

        var response = await form.PostAsync(client, new()
        {
            ["Input.Title"] = "Huge", ["Input.Markdown"] = new string('a', 5 * 1024 * 1024), ["Input.Status"] = "Draft",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The text can be at most 200,000 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Saving_keeps_a_revision_that_can_be_restored()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "First title", "First text");
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/posts/{post.Slug}/edit");
        await form.PostAsync(client, new()
        {
            ["Version"] = "0", ["Input.Title"] = "Second title", ["Input.Markdown"] = "Second text", ["Input.Status"] = "Published",
        });

        var revisions = await client.GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}/revisions");
        Assert.Contains("First title", revisions);
        var id = System.Text.RegularExpressions.Regex.Match(revisions, $"/revisions/(\\d+)\"").Groups[1].Value;
        var compare = await Forms.GetAsync(client, $"/j/{journal.Slug}/posts/{post.Slug}/revisions/{id}");
        Assert.Contains("First text", compare.Html);
        await compare.PostAsync(client, new() { ["id"] = id });

        var page = await client.GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        Assert.Contains("First text", page);
    }

    [Fact]
    public async Task A_published_post_keeps_its_address()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "Stable");
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/posts/{post.Slug}/edit");

        var response = await form.PostAsync(client, new()
        {
            ["Version"] = "0", ["Input.Title"] = "Stable", ["Input.Slug"] = "moved", ["Input.Markdown"] = "x", ["Input.Status"] = "Published",
        });

        Assert.Contains("cannot change", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_scheduled_post_is_hidden_until_due()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "Later", status: PostStatus.Scheduled, publishAtUtc: DateTime.UtcNow.AddDays(2));

        var response = await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var owners = await (await app.SignedInClientAsync(owner)).GetAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        Assert.Equal(HttpStatusCode.OK, owners.StatusCode);
    }

    [Fact]
    public async Task Another_journals_category_id_is_refused()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var other = await app.CreateJournalAsync(await app.CreateUserAsync(), JournalVisibility.Public);
        await app.CreatePostAsync(other, (await app.CreateUserAsync()), "x", category: "Theirs");
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");

        var response = await form.PostAsync(client, new()
        {
            ["Input.Title"] = "Forged", ["Input.Markdown"] = "x", ["Input.CategoryId"] = "999999", ["Input.Status"] = "Published",
        });

        Assert.Contains("That category does not exist in this journal.", await response.Content.ReadAsStringAsync());
    }
}

public sealed class PostWritingTestsOnSqlite(SqliteApp app) : PostWritingTests(app), IClassFixture<SqliteApp>;
public sealed class PostWritingTestsOnPostgres(PostgresApp app) : PostWritingTests(app), IClassFixture<PostgresApp>;
