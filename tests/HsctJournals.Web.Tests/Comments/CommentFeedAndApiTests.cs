using HsctJournals.Domain.Comments;
using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>Comment feeds and the comments API.</summary>
public abstract class CommentFeedAndApiTests(AppFactory app)
{
    [Fact]
    public async Task Comment_feeds_carry_approved_comments_only_and_obey_the_access_rule()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var email = CommentKit.NewEmail("feed");
        await app.AddCommentAsync(journal, post, "Fee Der", email, "Visible in the feed");
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Always);
        await app.AddCommentAsync(journal, post, "Hid Den", CommentKit.NewEmail(), "Held, not in the feed");

        foreach (var path in new[] { $"/j/{journal.Slug}/comments.rss", $"/j/{journal.Slug}/posts/{post.Slug}/comments.rss" })
        {
            var response = await app.Visitor().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
            var xml = await response.Content.ReadAsStringAsync();
            Assert.Contains("Visible in the feed", xml);
            Assert.Contains("<dc:creator>Fee Der</dc:creator>", xml);
            Assert.DoesNotContain("Held, not in the feed", xml);
            Assert.DoesNotContain(email, xml);
        }
        var html = await app.Visitor().GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains($"href=\"/j/{journal.Slug}/posts/{post.Slug}/comments.rss\"", html);

        var (privateOwner, privateJournal, privatePost) = await app.OpenJournalAsync(JournalVisibility.Private);
        await app.AddCommentAsync(privateJournal, privatePost, "Secret", CommentKit.NewEmail(), "Private words");
        var ownerClient = await app.SignedInVisitorAsync(privateOwner);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerClient.GetAsync($"/j/{privateJournal.Slug}/comments.rss")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync($"/j/{privateJournal.Slug}/posts/{privatePost.Slug}/comments.rss")).StatusCode);
        _ = owner;
    }

    [Fact]
    public async Task The_permalink_finds_the_page_of_a_readable_comment()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var comment = (await app.AddCommentAsync(journal, post, "Perma", CommentKit.NewEmail(), "Link to me")).Comment!;
        var response = await app.Visitor().GetAsync($"/comments/{comment.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/j/{journal.Slug}/posts/{post.Slug}#comment-{comment.Id}", response.Headers.Location!.OriginalString);

        var (_, privateJournal, privatePost) = await app.OpenJournalAsync(JournalVisibility.Private);
        var hidden = (await app.AddCommentAsync(privateJournal, privatePost, "Hidden", CommentKit.NewEmail(), "Secret")).Kind;
        Assert.Equal(CommentOutcomeKind.NotFound, hidden);
    }

    [Fact]
    public async Task The_api_lists_the_approved_thread_nested_without_addresses()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var email = CommentKit.NewEmail("api");
        var top = (await app.AddCommentAsync(journal, post, "Api Top", email, "Top level")).Comment!;
        await app.AddCommentAsync(journal, post, "Api Reply", CommentKit.NewEmail(), "A reply", top.Id);
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Always);
        await app.AddCommentAsync(journal, post, "Api Held", CommentKit.NewEmail(), "Held");

        var response = await app.ApiClient().GetAsync($"/api/v1/journals/{journal.Slug}/posts/{post.Slug}/comments");
        var body = await response.Content.ReadAsStringAsync();
        var json = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, json.GetProperty("commentCount").GetInt32());
        var first = json.GetProperty("items")[0];
        Assert.Equal("Api Top", first.GetProperty("author").GetString());
        var reply = first.GetProperty("replies")[0];
        Assert.Equal(("Api Reply", "Api Top", 2), (reply.GetProperty("author").GetString(), reply.GetProperty("inReplyTo").GetString(), reply.GetProperty("depth").GetInt32()));
        Assert.DoesNotContain(email, body);
        Assert.DoesNotContain("Held", body);

        var (_, privateJournal, privatePost) = await app.OpenJournalAsync(JournalVisibility.Private);
        await (await app.ApiClient().GetAsync($"/api/v1/journals/{privateJournal.Slug}/posts/{privatePost.Slug}/comments")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_posts_comments_with_the_same_rules_as_the_form()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var path = $"/api/v1/journals/{journal.Slug}/posts/{post.Slug}/comments";
        var client = app.ApiClient();

        var created = await client.PostAsJsonAsync(path, new { text = "Hello from a script", name = "Scripty", email = CommentKit.NewEmail() });
        var json = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("approved", json.GetProperty("status").GetString());
        Assert.Equal(1, await app.CountOfAsync(post));

        var invalid = await (await client.PostAsJsonAsync(path, new { text = "", name = "", email = "nope" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("text", out _));

        var forged = await (await client.PostAsJsonAsync(path, new { text = "Reply", name = "X", email = CommentKit.NewEmail(), parentId = 987654 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(forged.GetProperty("errors").TryGetProperty("parentId", out _));

        var token = await app.TokenForAsync(owner);
        var asOwner = await app.ApiClient(token).PostAsJsonAsync(path, new { text = "Owner speaking" });
        await asOwner.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Olive Owner", await app.DbAsync(db => db.Comments.Where(c => c.Text == "Owner speaking").Select(c => c.AuthorName).SingleAsync()));

        await app.SetPolicyAsync(journal, s => s.WhoMayComment = CommentPermission.SignedInUsers);
        await (await client.PostAsJsonAsync(path, new { text = "Anonymous again", name = "Anon", email = CommentKit.NewEmail() })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        await app.SetPolicyAsync(journal, s => s.WhoMayComment = CommentPermission.Anyone);
        var email = CommentKit.NewEmail("apiflood");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 9; i++) last = await app.ApiClient().PostAsJsonAsync(path, new { text = $"Flood {i}", name = "Flo", email });
        await last.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(last.Headers.RetryAfter);
    }

    [Fact]
    public async Task Moderation_endpoints_are_for_moderators_tokens_only()
    {
        var (owner, journal, post) = await app.OpenJournalAsync(hold: HoldRule.Always);
        var held = (await app.AddCommentAsync(journal, post, "Api Held", CommentKit.NewEmail(), "Approve me via API")).Comment!;
        var moderator = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, moderator, JournalRole.Moderator);
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        var modClient = app.ApiClient(await app.TokenForAsync(moderator));
        var basePath = $"/api/v1/journals/{journal.Slug}/comments";

        var queue = await (await modClient.GetAsync($"{basePath}?status=pending")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(held.Id, queue.GetProperty("items")[0].GetProperty("id").GetInt32());
        await (await app.ApiClient(await app.TokenForAsync(reader)).GetAsync(basePath)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ApiClient(await app.TokenForAsync(await app.CreateUserAsync())).GetAsync(basePath)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient().GetAsync(basePath)).StatusCode);
        await (await modClient.GetAsync($"{basePath}?status=nonsense")).ProblemAsync(HttpStatusCode.BadRequest);

        var approved = await (await modClient.PostAsync($"{basePath}/{held.Id}/approve", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(1, await app.CountOfAsync(post));
        await (await modClient.PostAsync($"{basePath}/{held.Id}/spam", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, await app.CountOfAsync(post));
        await (await modClient.PostAsync($"{basePath}/{held.Id}/trash", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await modClient.DeleteAsync($"{basePath}/{held.Id}")).StatusCode);
        await (await modClient.DeleteAsync($"{basePath}/{held.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        _ = owner;
    }
}

public sealed class CommentFeedAndApiTestsOnSqlite(CommentsSqliteApp app) : CommentFeedAndApiTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class CommentFeedAndApiTestsOnPostgres(CommentsPostgresApp app) : CommentFeedAndApiTests(app), IClassFixture<CommentsPostgresApp>;
