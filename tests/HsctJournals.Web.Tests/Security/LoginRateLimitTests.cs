using System.Net;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HsctJournals.Web.Tests.Security;

/// <summary>Issue 8, fix 5: the sign-in form has a per-IP limit like the token endpoint's.</summary>
public abstract class LoginRateLimitTests(AppFactory app)
{
    private static HttpClient From(WebApplicationFactory<Program> site, string address) =>
        new(new CookieContainerHandler { InnerHandler = site.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(address)) })
        { BaseAddress = new Uri("http://localhost") };

    private static async Task<HttpResponseMessage> TryAsync(HttpClient client, string email, string password)
    {
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        return await form.PostAsync(client, new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_are_refused_with_429_whatever_the_account()
    {
        var user = await app.CreateUserAsync();
        using var site = app.WithWebHostBuilder(b => b.UseSetting("LoginLimit:AttemptsPerWindow", "3").UseSetting("LoginLimit:WindowSeconds", "3600"));
        var guesser = From(site, "203.0.113.7");

        for (var i = 0; i < 3; i++)
        {
            var wrong = await TryAsync(guesser, $"nobody{i}@tests.invalid", "Wrong-password-123");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var refused = await TryAsync(guesser, user.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts from your address", html);
        Assert.Contains($"value=\"{user.Email}\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync("/me")).StatusCode);

        // The owner, signing in from their own address, is not slowed by someone else's guessing.
        var owner = From(site, "198.51.100.20");
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(owner, user.Email!, AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/me")).StatusCode);
    }
}

public sealed class LoginRateLimitTestsOnSqlite(SqliteApp app) : LoginRateLimitTests(app), IClassFixture<SqliteApp>;
public sealed class LoginRateLimitTestsOnPostgres(PostgresApp app) : LoginRateLimitTests(app), IClassFixture<PostgresApp>;
