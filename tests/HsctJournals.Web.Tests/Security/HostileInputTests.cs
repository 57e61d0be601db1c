using System.Net;
using System.Text;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Security;

/// <summary>Issue 8, fix 4: each input that produced a 500, answered without one and stored the same way on both providers.</summary>
public abstract class HostileInputTests(FuzzApp app)
{
    [Fact]
    public async Task A_post_without_a_handler_or_with_an_unknown_one_is_refused_not_crashed()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "Handlers");
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/posts/{post.Slug}");

        var noHandler = await page.PostAsync(client, new(), $"/j/{journal.Slug}/posts/{post.Slug}?handler=Nope");
        // Razor Pages runs the plain OnGet for a GET naming an unknown handler; that is fine, as long as it is no crash.
        var unknownGet = await client.GetAsync($"/j/{journal.Slug}/posts/{post.Slug}?handler=Nope");
        var plainPost = await page.PostAsync(client, new(), $"/j/{journal.Slug}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, noHandler.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownGet.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, plainPost.StatusCode);
    }

    [Fact]
    public async Task Nul_and_noncharacters_in_forms_are_removed_before_anything_runs()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "Comment here");
        var client = app.AnonymousClient();
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/posts/{post.Slug}");
        var rendered = Accounts.Html.FirstValue(page.Html, "Input.Rendered");

        var body = $"__RequestVerificationToken={Uri.EscapeDataString(page.Token ?? "")}&Input.Rendered={Uri.EscapeDataString(rendered)}"
            + "&Input.Text=Thinking%EF%BF%BE of you%00 today&Input.AuthorName=Ann%00a&Input.AuthorEmail=anna%40tests.invalid";
        var response = await client.PostAsync($"/j/{journal.Slug}/posts/{post.Slug}?handler=Comment",
            new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.True((int)response.StatusCode < 500, $"Answered {(int)response.StatusCode}");

        var login = await Forms.GetAsync(client, "/Identity/Account/Login");
        var signIn = await client.PostAsync("/Identity/Account/Login", new StringContent(
            $"__RequestVerificationToken={Uri.EscapeDataString(login.Token ?? "")}&Input.Email=a%00b%40tests.invalid&Input.Password=%00", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.True(signIn.StatusCode == HttpStatusCode.OK, $"{signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");

        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Comments.AsNoTracking()
            .Where(c => c.PostId == post.Id).Select(c => new { c.Text, c.AuthorName }).SingleAsync());
        Assert.Equal(("Thinking of you today", "Anna"), (stored.Text, stored.AuthorName));
    }

    [Fact]
    public async Task Nul_and_noncharacters_in_json_are_stored_the_same_way_on_both_databases()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = app.ApiClient(await app.TokenForAsync(owner));

        var response = await client.PostAsync($"/api/v1/journals/{journal.Slug}/posts", new StringContent(
            "{\"title\":\"Day\\u0000 12\\uFFFE\",\"markdown\":\"Bloods\\u0000 fine\\uFDD0.\",\"status\":\"Published\",\"tags\":[\"a\\u0000b\"]}",
            Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var saved = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Posts.AsNoTracking()
            .Where(p => p.JournalId == journal.Id).Select(p => new { p.Title, p.Markdown, p.Slug, Tags = p.Tags.Select(t => t.Name).ToList() }).SingleAsync());
        Assert.Equal("Day 12", saved.Title);
        Assert.Equal("Bloods fine.", saved.Markdown);
        Assert.Equal("day-12", saved.Slug);
        Assert.Equal(["ab"], saved.Tags);

        // An escaped unpaired surrogate is not text at all: refused the same way on both databases.
        var broken = await client.PostAsync($"/api/v1/journals/{journal.Slug}/posts", new StringContent(
            "{\"title\":\"Broken \\uD800\",\"markdown\":\"x\",\"status\":\"Published\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task Posts_with_the_same_title_created_at_the_same_moment_all_get_their_own_address()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.WithScopeAsync(sp =>
            sp.GetRequiredService<PostEditor>().CreateAsync(journal, owner.Id,
                new PostInput { Title = "Same moment", Markdown = "Text", Status = PostStatus.Published, NewCategory = "Racing", Tags = "same" }, TimeZoneInfo.Utc))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(8, results.Select(r => r.Value!.Slug).Distinct().Count());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task Signing_out_with_an_off_site_return_address_goes_home(string returnUrl)
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());
        var home = await Forms.GetAsync(client, "/Identity/Account/Logout");

        var response = await home.PostAsync(client, new(), "/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);
    }
}

public sealed class HostileInputTestsOnSqlite(FuzzSqliteApp app) : HostileInputTests(app), IClassFixture<FuzzSqliteApp>;
public sealed class HostileInputTestsOnPostgres(FuzzPostgresApp app) : HostileInputTests(app), IClassFixture<FuzzPostgresApp>;
