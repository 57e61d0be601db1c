using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Security;

/// <summary>Issue 8, fix 2: sessions end on the server, so a cookie kept from before opens nothing.</summary>
public abstract class SessionTests(AppFactory app)
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Phone = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private async Task<CookieBrowser> SignInAsync(AppUser user, string userAgent = Firefox)
    {
        var browser = new CookieBrowser(app, userAgent);
        Assert.Equal("/me", await browser.SignInAsync(user.Email!, AppFactory.Password));
        return browser;
    }

    private Task<HttpStatusCode> ReplayAsync(string cookies, string path) => CookieBrowser.ReplayAsync(app, cookies, path);

    [Fact]
    public async Task A_cookie_kept_from_before_sign_out_no_longer_opens_my_journals()
    {
        var user = await app.CreateUserAsync();
        var browser = await SignInAsync(user);
        var copied = browser.Cookies;
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(copied, "/me"));

        var signOut = await Forms.GetAsync(browser.Client, "/Identity/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, (await signOut.PostAsync(browser.Client, [])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(copied, "/me"));
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_and_cookies_from_before_it()
    {
        var user = await app.CreateUserAsync();
        var here = await SignInAsync(user);
        var elsewhere = await SignInAsync(user, Phone);
        var hereBefore = here.Cookies;
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(elsewhere.Cookies, "/account/tokens"));

        var form = await Forms.GetAsync(here.Client, "/account/password");
        var changed = await form.PostAsync(here.Client, new()
        {
            ["CurrentPassword"] = AppFactory.Password, ["NewPassword"] = "A-new-long-passphrase", ["ConfirmPassword"] = "A-new-long-passphrase",
        });
        Assert.Equal("/account/password?changed=true", changed.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/account/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(elsewhere.Cookies, "/account/tokens"));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(hereBefore, "/account/tokens"));
        var list = await here.Client.GetStringAsync("/account/sessions");
        Assert.Contains("Firefox on Linux", list);
        Assert.DoesNotContain("Chrome on Android", list);
    }

    [Fact]
    public async Task An_email_change_ends_every_other_session()
    {
        var user = await app.CreateUserAsync();
        var elsewhere = await SignInAsync(user, Phone);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(elsewhere.Cookies, "/me"));

        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var tracked = (await users.FindByIdAsync(user.Id))!;
            var address = $"moved-{Guid.NewGuid():N}"[..16] + "@tests.invalid";
            var token = await users.GenerateChangeEmailTokenAsync(tracked, address);
            Assert.True((await users.ChangeEmailAsync(tracked, address, token)).Succeeded);
        });

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(elsewhere.Cookies, "/me"));
    }

    [Fact]
    public async Task The_sessions_page_lists_other_browsers_and_ends_them()
    {
        var user = await app.CreateUserAsync();
        var here = await SignInAsync(user);
        var phone = await SignInAsync(user, Phone);
        var stranger = await SignInAsync(await app.CreateUserAsync(), Phone);

        var page = await Forms.GetAsync(here.Client, "/account/sessions");
        Assert.Contains("Firefox on Linux<strong> (this browser)</strong>", page.Html);
        Assert.Contains("Chrome on Android", page.Html);
        var ids = System.Text.RegularExpressions.Regex.Matches(page.Html, "name=\"id\" value=\"([0-9a-f]{64})\"").Select(m => m.Groups[1].Value).ToList();
        var phoneId = Assert.Single(ids);

        // Someone else's session cannot be ended by naming it.
        var strangerPage = await Forms.GetAsync(stranger.Client, "/account/sessions");
        await strangerPage.PostAsync(stranger.Client, new() { ["id"] = phoneId }, "/account/sessions?handler=End");
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/me")).StatusCode);

        var ended = await page.PostAsync(here.Client, new() { ["id"] = phoneId }, "/account/sessions?handler=End");
        Assert.Equal("/account/sessions?ended=1", ended.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Client.GetAsync("/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Client.GetAsync("/me")).StatusCode);

        var again = await SignInAsync(user, Phone);
        var everywhere = await page.PostAsync(here.Client, [], "/account/sessions?handler=EndOthers");
        Assert.Equal("/account/sessions?ended=1", everywhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await again.Client.GetAsync("/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Ending_a_session_needs_the_antiforgery_token()
    {
        var user = await app.CreateUserAsync();
        var here = await SignInAsync(user);
        var phone = await SignInAsync(user, Phone);
        var page = await here.Client.GetStringAsync("/account/sessions");
        var phoneId = System.Text.RegularExpressions.Regex.Match(page, "name=\"id\" value=\"([0-9a-f]{64})\"").Groups[1].Value;

        var forged = await here.Client.PostAsync("/account/sessions?handler=End", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = phoneId }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/me")).StatusCode);
    }
}

public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;
public sealed class SessionTestsOnPostgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
