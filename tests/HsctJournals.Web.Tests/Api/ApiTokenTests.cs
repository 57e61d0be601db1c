using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Api;

/// <summary>Personal access tokens: creation with a password, bearer authentication, revocation, limits.</summary>
public abstract class ApiTokenTests(AppFactory app)
{
    [Fact]
    public async Task The_right_password_gets_a_token_that_authenticates_api_calls()
    {
        var user = await app.CreateUserAsync();
        var client = app.ApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { email = user.Email, password = AppFactory.Password, name = "Phone app" });

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("hsct_", token);
        Assert.Equal("Phone app", created.GetProperty("name").GetString());
        Assert.StartsWith(created.GetProperty("prefix").GetString()!, token);
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().ApiTokens.SingleAsync(t => t.UserId == user.Id));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Null(stored.LastUsedAt);

        var list = await app.ApiClient(token).GetAsync("/api/v1/tokens");
        var tokens = await list.JsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(tokens.EnumerateArray());
        Assert.Equal("Phone app", listed.GetProperty("name").GetString());
        Assert.DoesNotContain(token, tokens.GetRawText());
        Assert.DoesNotContain(stored.TokenHash, tokens.GetRawText());
        var used = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().ApiTokens.SingleAsync(t => t.UserId == user.Id));
        Assert.NotNull(used.LastUsedAt);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_401()
    {
        var user = await app.CreateUserAsync();
        var client = app.ApiClient();

        var wrongPassword = await (await client.PostAsJsonAsync("/api/v1/tokens", new { email = user.Email, password = "not-the-password", name = "x" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var unknown = await (await client.PostAsJsonAsync("/api/v1/tokens", new { email = "nobody@tests.invalid", password = "whatever-it-is", name = "x" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(wrongPassword.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Too_many_token_requests_from_one_address_get_429_with_retry_after()
    {
        var client = app.ApiClient();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 30 && limited is null; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/tokens", new { email = "nobody@tests.invalid", password = "guess-" + i, name = "x" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.NotNull(limited);
        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Try again", problem.GetProperty("detail").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After should say how long to wait");
        // Another address is not affected.
        var other = await app.ApiClient().PostAsJsonAsync("/api/v1/tokens", new { email = "nobody@tests.invalid", password = "x", name = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Missing_fields_are_a_validation_problem()
    {
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/tokens", new { email = "", name = new string('n', 81) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var user = await app.CreateUserAsync();
        var token = await app.TokenForAsync(user);
        var client = app.ApiClient(token);
        var id = (await (await client.GetAsync("/api/v1/tokens")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);

        var after = await client.GetAsync("/api/v1/tokens");
        var problem = await after.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked_and_looks_missing()
    {
        var owner = await app.CreateUserAsync();
        var ownerToken = await app.TokenForAsync(owner);
        var ownerTokenId = (await (await app.ApiClient(ownerToken).GetAsync("/api/v1/tokens")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("id").GetInt32();
        var stranger = app.ApiClient(await app.TokenForAsync(await app.CreateUserAsync()));

        await (await stranger.DeleteAsync($"/api/v1/tokens/{ownerTokenId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync("/api/v1/tokens/99999999")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(ownerToken).GetAsync("/api/v1/tokens")).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_an_endpoint_needing_a_user_answers_401_not_a_login_redirect()
    {
        var user = await app.CreateUserAsync();

        var anonymous = await app.ApiClient().GetAsync("/api/v1/tokens");
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        // The site's cookie does not authenticate the API (so no cross-site request can use it).
        var cookie = await (await app.SignedInClientAsync(user)).PostAsJsonAsync("/api/v1/journals", new { title = "Via cookie" });
        await cookie.ProblemAsync(HttpStatusCode.Unauthorized);
        var garbage = await app.ApiClient("hsct_not-a-real-token").GetAsync("/api/v1/journals");
        await garbage.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_site_admin_token_carries_the_role_but_still_cannot_read_private_journals()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var adminId = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Users
            .Where(u => u.Email == AppFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        var admin = new AppUser { Id = adminId };

        var response = await app.ApiClient(await app.TokenForAsync(admin)).GetAsync($"/api/v1/journals/{journal.Slug}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_tokens_page_creates_a_token_shown_once_lists_it_and_revokes_it()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignedInClientAsync(user);

        var form = await Forms.GetAsync(browser, "/account/tokens");
        Assert.Contains("You have no tokens.", form.Html);
        var created = await form.PostAsync(browser, new() { ["Name"] = "Backup script" }, "/account/tokens?handler=Create");
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = System.Text.RegularExpressions.Regex.Match(html, "value=\"(hsct_[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(secret).GetAsync("/api/v1/tokens")).StatusCode);

        var page = await Forms.GetAsync(browser, "/account/tokens");
        Assert.Contains("Backup script", page.Html);
        Assert.DoesNotContain(secret, page.Html);
        var id = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().ApiTokens.Where(t => t.UserId == user.Id).Select(t => t.Id).SingleAsync());
        var revoked = await page.PostAsync(browser, new() { ["id"] = id.ToString() }, "/account/tokens?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(secret).GetAsync("/api/v1/tokens")).StatusCode);
    }

    [Fact]
    public async Task The_tokens_page_keeps_the_name_and_explains_an_empty_one()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignedInClientAsync(user);
        var form = await Forms.GetAsync(browser, "/account/tokens");

        var response = await form.PostAsync(browser, new() { ["Name"] = "   " }, "/account/tokens?handler=Create");

        Assert.Contains("Give the token a name", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.AnonymousClient().GetAsync("/account/tokens")).StatusCode);
    }
}

public sealed class ApiTokenTestsOnSqlite(SqliteApp app) : ApiTokenTests(app), IClassFixture<SqliteApp>;
public sealed class ApiTokenTestsOnPostgres(PostgresApp app) : ApiTokenTests(app), IClassFixture<PostgresApp>;
