using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>"Your comments": a commenter without an account gets a signed link by mail, then sees, downloads or erases what they wrote.</summary>
public abstract partial class YourCommentsTests(AppFactory app, TestSmtpServer mail)
{
    private async Task<(Journal Open, Journal Private, Post OpenPost)> CommentsByAsync(string email, string otherEmail)
    {
        var owner = await app.CreateUserAsync("Sam Owner");
        var n = Guid.NewGuid().ToString("N")[..8];
        var open = await app.CreateJournalAsync(owner, JournalVisibility.Public, "Open road " + n);
        var closed = await app.CreateJournalAsync(owner, JournalVisibility.Private, "Secret ward " + n);
        var openPost = await app.CreatePostAsync(open, owner, "Day 12");
        var closedPost = await app.CreatePostAsync(closed, owner, "Hidden day");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var mine = new Comment { PostId = openPost.Id, AuthorName = "Cass Commenter", AuthorEmail = email, AuthorWebsite = "https://cass.example/", Text = "Thinking of you, Sam.", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow, IpHash = "abc" };
            db.Comments.Add(mine);
            await db.SaveChangesAsync();
            db.Comments.Add(new Comment { PostId = openPost.Id, ParentId = mine.Id, Depth = 2, AuthorName = "Other Person", AuthorEmail = otherEmail, Text = "Me too!", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow });
            db.Comments.Add(new Comment { PostId = closedPost.Id, AuthorName = "Cass", AuthorEmail = email.ToUpperInvariant(), Text = "Held for moderation words.", Status = CommentStatus.Pending, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await db.Posts.Where(p => p.Id == openPost.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, 2));
            await sp.GetRequiredService<PageCacheEviction>().JournalChangedAsync(open.Id);
        });
        return (open, closed, openPost);
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string email)
    {
        var form = await Forms.GetAsync(client, "/your-comments");
        return await client.PostAsync(form.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token!, ["Email"] = email }));
    }

    private async Task<string> LinkMailedToAsync(string email)
    {
        var message = (await Eventually.MailAsync(mail, email)).Single();
        var link = LinkPattern().Match(message.TextBody ?? "").Value;
        Assert.StartsWith(FastNotifications.BaseUrl + "/your-comments/manage?t=", link); // from Site:BaseUrl, not the request
        return link[FastNotifications.BaseUrl.Length..];
    }

    [Fact]
    public async Task A_commenter_gets_a_link_sees_and_downloads_their_comments_and_erases_them_keeping_the_thread()
    {
        var email = $"cass.{Guid.NewGuid():N}@commenters.test";
        var (open, closed, openPost) = await CommentsByAsync(email, $"other.{Guid.NewGuid():N}@commenters.test");
        var client = app.AnonymousClient();

        var asked = await AskAsync(client, "  " + email.ToUpperInvariant() + " ");
        Assert.Contains("a message with a link to them is on its way", await asked.Content.ReadAsStringAsync());
        var link = await LinkMailedToAsync(email);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(link));
        Assert.Contains("Comments written on this site with", page);
        Assert.Contains("Thinking of you, Sam.", page);
        Assert.Contains("Held for moderation words.", page);
        Assert.Contains("Open road", page);
        Assert.DoesNotContain("Secret ward", page); // a private journal is not named
        Assert.DoesNotContain("Hidden day", page);
        Assert.DoesNotContain("Me too!", page);

        var download = await client.GetAsync(link.Replace("manage?", "manage?handler=download&"));
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("comments").GetArrayLength());
        Assert.DoesNotContain("Me too!", json.RootElement.ToString());

        var refused = await EraseAsync(client, link, new() { ["Text"] = "keep" });
        Assert.Contains("Tick the box to confirm", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var erased = await EraseAsync(client, link, new() { ["Text"] = "keep", ["Confirm"] = "true" });
        Assert.Contains("Done: 2 comments written with", WebUtility.HtmlDecode(await erased.Content.ReadAsStringAsync()));

        var comments = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Comments.AsNoTracking()
            .Where(c => c.Post.JournalId == open.Id || c.Post.JournalId == closed.Id).ToListAsync());
        var mine = comments.Single(c => c.Text == "Thinking of you, Sam.");
        Assert.Equal(("Deleted user", "", null, null), (mine.AuthorName, mine.AuthorEmail, mine.AuthorWebsite, mine.IpHash));
        Assert.Equal(mine.Id, comments.Single(c => c.Text == "Me too!").ParentId); // the thread is intact
        Assert.DoesNotContain(comments, c => c.AuthorEmail.Equals(email, StringComparison.OrdinalIgnoreCase));
        var post = WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{open.Slug}/posts/{openPost.Slug}"));
        Assert.DoesNotContain("Cass Commenter", post);
        Assert.Contains("Deleted user", post);
    }

    [Fact]
    public async Task Removing_the_words_deletes_unanswered_comments_and_leaves_a_placeholder_where_others_replied()
    {
        var email = $"cass.{Guid.NewGuid():N}@commenters.test";
        var (open, closed, _) = await CommentsByAsync(email, $"other.{Guid.NewGuid():N}@commenters.test");
        var client = app.AnonymousClient();
        await AskAsync(client, email);
        await EraseAsync(client, await LinkMailedToAsync(email), new() { ["Text"] = "remove", ["Confirm"] = "true" });

        var texts = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Comments.AsNoTracking()
            .Where(c => c.Post.JournalId == open.Id || c.Post.JournalId == closed.Id).Select(c => c.Text).ToListAsync());
        Assert.DoesNotContain("Held for moderation words.", texts);
        Assert.DoesNotContain("Thinking of you, Sam.", texts);
        Assert.Contains("Me too!", texts);
        Assert.Contains("(This comment was removed by its author.)", texts);
    }

    [Fact]
    public async Task An_address_without_comments_gets_the_same_answer_and_no_mail()
    {
        var client = app.AnonymousClient();
        var email = $"nobody.{Guid.NewGuid():N}@commenters.test";
        var known = $"cass.{Guid.NewGuid():N}@commenters.test";
        await CommentsByAsync(known, $"other.{Guid.NewGuid():N}@commenters.test");

        var none = await AskAsync(client, email);
        var some = await AskAsync(client, known);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        // The same page, word for word, apart from the address typed and the per-response form token.
        static string Answer(string html, string address) => TokenValue().Replace(html, "").Replace(address, "X");
        Assert.Equal(Answer(await some.Content.ReadAsStringAsync(), known), Answer(await none.Content.ReadAsStringAsync(), email));
        await LinkMailedToAsync(known); // the mail that was sent has arrived; the other was never queued
        Assert.Empty(mail.To(email));
    }

    [Fact]
    public async Task A_wrong_address_keeps_what_was_typed_and_a_forged_or_altered_link_opens_nothing()
    {
        var client = app.AnonymousClient();
        var wrong = WebUtility.HtmlDecode(await (await AskAsync(client, "cass at example")).Content.ReadAsStringAsync());
        Assert.Contains("Enter your e-mail address", wrong);
        Assert.Contains("value=\"cass at example\"", wrong);

        var forged = await client.GetAsync("/your-comments/manage?t=CfDJ8forged");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("This link does not work", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/your-comments/manage")).StatusCode);
    }

    /// <summary>Posts the erase form found on the link's page, with the link's token as the form carries it.</summary>
    private static async Task<HttpResponseMessage> EraseAsync(HttpClient client, string link, Dictionary<string, string> fields)
    {
        var form = await Forms.GetAsync(client, link);
        Assert.Contains("action=\"/your-comments/manage?handler=erase\"", form.Html);
        fields["t"] = Uri.UnescapeDataString(link[(link.IndexOf("t=", StringComparison.Ordinal) + 2)..]);
        return await form.PostAsync(client, fields, "/your-comments/manage?handler=erase");
    }

    [GeneratedRegex("(?:value|nonce)=\"[^\"]{20,}\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex(@"http://\S+/your-comments/manage\?t=\S+")]
    private static partial Regex LinkPattern();
}

public sealed class YourCommentsTestsOnSqlite(NotifyingSqliteApp app) : YourCommentsTests(app, app.Mail), IClassFixture<NotifyingSqliteApp>;
public sealed class YourCommentsTestsOnPostgres(NotifyingPostgresApp app) : YourCommentsTests(app, app.Mail), IClassFixture<NotifyingPostgresApp>;

/// <summary>The link request is rate-limited per client; the refusal is the form again, with a message and the address kept.</summary>
public sealed class YourCommentsRateLimitTests(YourCommentsRateLimitTests.App app) : IClassFixture<YourCommentsRateLimitTests.App>
{
    public sealed class App() : AppFactory(new SqliteTestDatabase())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portability:CommentLinksPerClient", "2");
        }
    }

    [Fact]
    public async Task The_third_request_in_a_quarter_hour_is_refused_with_a_message()
    {
        var client = app.AnonymousClient();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await Ask(client, $"a{i}@commenters.test")).StatusCode);
        var refused = await Ask(client, "third@commenters.test");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Too many links were asked for", html);
        Assert.Contains("value=\"third@commenters.test\"", html);
    }

    private static async Task<HttpResponseMessage> Ask(HttpClient client, string email)
    {
        var form = await Forms.GetAsync(client, "/your-comments");
        return await client.PostAsync(form.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token!, ["Email"] = email }));
    }
}
