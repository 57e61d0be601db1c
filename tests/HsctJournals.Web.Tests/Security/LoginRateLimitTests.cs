using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Tests.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Security;

/// <summary>
/// Issue 8, fix 5: the sign-in form has a per-IP limit like the token endpoint's, and each typed address is slowed
/// (not locked) for browsers that have not signed in to it before, the same way whether or not it has an account.
/// </summary>
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

    [Fact]
    public async Task Guessing_slows_an_address_the_same_way_with_or_without_an_account_and_never_locks_the_owner_out()
    {
        var user = await app.CreateUserAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}"[..15] + "@tests.invalid";
        using var site = app.WithWebHostBuilder(b => b.UseSetting("LoginLimit:AccountAttemptsPerWindow", "3").UseSetting("LoginLimit:AccountWindowSeconds", "3600"));
        // The owner signed in on this browser before the guessing started. That sign-in, from a browser the address had
        // not used yet, was the first of its 3 tries; the unknown address gets one wrong try to match.
        var ownersBrowser = From(site, "198.51.100.30");
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(ownersBrowser, user.Email!, AppFactory.Password)).StatusCode);
        var signOut = await Forms.GetAsync(ownersBrowser, "/Identity/Account/Logout");
        await signOut.PostAsync(ownersBrowser, []);
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(From(site, "203.0.113.9"), unknown, "Wrong-password-0")).StatusCode);

        var answers = new List<string>();
        foreach (var address in new[] { user.Email!, unknown })
        {
            // From many addresses, so the per-IP limit does not come into it.
            for (var i = 0; i < 2; i++)
            {
                var wrong = await TryAsync(From(site, $"203.0.113.{10 + i}"), address.ToUpperInvariant(), "Wrong-password-" + i);
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
                Assert.Contains("The e-mail address or password is not right.", await wrong.Content.ReadAsStringAsync());
            }
            var slowed = await TryAsync(From(site, "203.0.113.50"), address, address == unknown ? "Wrong-password-x" : AppFactory.Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
            Assert.True(slowed.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var html = await slowed.Content.ReadAsStringAsync();
            answers.Add(html[html.IndexOf("<h1>", StringComparison.Ordinal)..html.IndexOf("</form>", StringComparison.Ordinal)]
                .Replace(address, "ADDRESS", StringComparison.Ordinal));
            var token = await From(site, "203.0.113.51").PostAsJsonAsync("/api/v1/tokens", new { email = address, password = "Wrong-password-y", name = "x" });
            Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        }
        Assert.Equal(Html.WithoutTokens(answers[0]), Html.WithoutTokens(answers[1]));
        Assert.Contains("Too many sign-in attempts for this e-mail address", answers[0]);

        // Nothing is locked: the owner's own browser still signs in at once.
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(ownersBrowser, user.Email!, AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownersBrowser.GetAsync("/me")).StatusCode);
        var stored = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id))!);
        Assert.Equal((0, (DateTimeOffset?)null), (stored.AccessFailedCount, stored.LockoutEnd));
    }

    [Fact]
    public async Task A_borrowed_session_cannot_guess_the_password_on_the_email_or_password_forms()
    {
        var user = await app.CreateUserAsync();
        using var site = app.WithWebHostBuilder(b => b.UseSetting("LoginLimit:AccountAttemptsPerWindow", "3").UseSetting("LoginLimit:AccountWindowSeconds", "3600"));
        // The owner signs in (the first of the 3 tries, from a browser the account had not used yet).
        var ownersCookies = new CookieContainerHandler { InnerHandler = site.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.40")) };
        var ownersBrowser = new HttpClient(ownersCookies) { BaseAddress = new Uri("http://localhost") };
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(ownersBrowser, user.Email!, AppFactory.Password)).StatusCode);

        // Someone holding only the session cookie (not the owner's "recognised device" cookie) guesses the current password.
        var borrowedCookies = new CookieContainerHandler { InnerHandler = site.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.60")) };
        foreach (System.Net.Cookie cookie in ownersCookies.Container.GetCookies(new Uri("http://localhost")))
            if (cookie.Name != AccountThrottle.DeviceCookie) borrowedCookies.Container.Add(cookie);
        var borrowed = new HttpClient(borrowedCookies) { BaseAddress = new Uri("http://localhost") };
        var password = await Forms.GetAsync(borrowed, "/account/password");
        var wrong = await password.PostAsync(borrowed, new() { ["CurrentPassword"] = "Wrong-password-1", ["NewPassword"] = "Another-long-one", ["ConfirmPassword"] = "Another-long-one" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That password is not right.", await wrong.Content.ReadAsStringAsync());
        var email = await Forms.GetAsync(borrowed, "/account/email");
        wrong = await email.PostAsync(borrowed, new() { ["NewEmail"] = "elsewhere@tests.invalid", ["Password"] = "Wrong-password-2" });
        Assert.Contains("That password is not right.", await wrong.Content.ReadAsStringAsync());
        // The budget is spent: even the right password is not tried now, on either form.
        var slowed = await email.PostAsync(borrowed, new() { ["NewEmail"] = "elsewhere@tests.invalid", ["Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.True(slowed.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var slowedHtml = await slowed.Content.ReadAsStringAsync();
        Assert.Contains("Too many password tries for this account.", slowedHtml);
        Assert.Contains("value=\"elsewhere@tests.invalid\"", slowedHtml);
        slowed = await password.PostAsync(borrowed, new() { ["CurrentPassword"] = AppFactory.Password, ["NewPassword"] = "Another-long-one", ["ConfirmPassword"] = "Another-long-one" });
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);

        // The owner's own browser is not slowed.
        var ownersEmail = await Forms.GetAsync(ownersBrowser, "/account/email");
        var moved = await ownersEmail.PostAsync(ownersBrowser, new() { ["NewEmail"] = $"moved-{Guid.NewGuid():N}"[..14] + "@tests.invalid", ["Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }
}

public sealed class LoginRateLimitTestsOnSqlite(SqliteApp app) : LoginRateLimitTests(app), IClassFixture<SqliteApp>;
public sealed class LoginRateLimitTestsOnPostgres(PostgresApp app) : LoginRateLimitTests(app), IClassFixture<PostgresApp>;
