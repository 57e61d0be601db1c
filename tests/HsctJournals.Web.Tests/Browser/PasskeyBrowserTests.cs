using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HsctJournals.Web.Shared;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>
/// Issue 8, build 1: passkeys in real Chromium with a virtual WebAuthn authenticator (Chrome DevTools Protocol
/// <c>WebAuthn.addVirtualAuthenticator</c>), so the browser really makes and signs with a key. WebAuthn needs a
/// domain, not an IP address, so the page is opened as <c>localhost</c>, the host of the tests' <c>Site:BaseUrl</c>.
/// </summary>
public abstract class PasskeyBrowserTests<TApp>(BrowserFixture<TApp> browser) where TApp : AppFactory, new()
{
    private async Task<IPage> PageWithAuthenticatorAsync()
    {
        var page = await browser.NewPageAsync(true, o => o.BaseURL = browser.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        return page;
    }

    private Task<int> SessionCountAsync(AppUser user) =>
        browser.App.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().UserSessions.CountAsync(s => s.UserId == user.Id));

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_passkey_is_added_renamed_used_to_sign_in_and_removed()
    {
        var user = await browser.App.CreateUserAsync("Pat Passkey");
        var page = await SignInAsync(PageWithAuthenticatorAsync, user);

        await page.GotoAsync("/account/passkeys");
        await Assertions.Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Making a passkey needs JavaScript")).ToBeHiddenAsync();
        await AssertNoSeriousViolationsAsync(page, "passkeys page");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Test phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey added");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test phone" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "passkeys page with a passkey");
        var stored = await browser.App.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetPasskeysAsync((await users.FindByIdAsync(user.Id))!);
        });
        Assert.Equal("Test phone", Assert.Single(stored).Name);

        await page.GetByLabel("New name for “Test phone”").FillAsync("  Pocket   phone ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pocket phone" })).ToBeVisibleAsync();

        // Signed out, the passkey alone signs in, through the same session machinery as a password.
        await SignOutAsync(page);
        Assert.Equal(0, await SessionCountAsync(user));
        await page.GotoAsync("/Identity/Account/Login?returnUrl=%2Faccount%2Fsessions");
        await AssertNoSeriousViolationsAsync(page, "sign-in page with passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForURLAsync("**/account/sessions");
        await Assertions.Expect(page.GetByText("(this browser)")).ToBeVisibleAsync();
        Assert.Equal(1, await SessionCountAsync(user));

        var startedWith = await browser.App.WithScopeAsync(sp =>
            sp.GetRequiredService<JournalsDbContext>().UserSessions.Where(s => s.UserId == user.Id).Select(s => s.PasskeyId).SingleAsync());
        Assert.Equal(stored[0].CredentialId, startedWith);

        // Removed from another browser (signed in with the password), the passkey's session ends and that browser's stays.
        var other = await SignInAsync(() => browser.NewPageAsync(), user);
        await other.GotoAsync("/account/passkeys");
        await other.GetByRole(AriaRole.Button, new() { Name = "Remove “Pocket phone”" }).ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey removed");
        await Assertions.Expect(other.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        Assert.Equal(1, await SessionCountAsync(user));
        await page.GotoAsync("/account/sessions");
        await page.WaitForURLAsync("**/Identity/Account/Login**");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await other.GotoAsync("/account/sessions");
        await Assertions.Expect(other.GetByText("(this browser)")).ToBeVisibleAsync();

        // The authenticator still holds the key, but the site no longer accepts it.
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That passkey did not work here");
        Assert.Equal(1, await SessionCountAsync(user));
    }

    [Fact]
    public async Task Without_javascript_the_passkey_forms_stay_hidden_and_the_pages_say_why()
    {
        var user = await browser.App.CreateUserAsync();
        var page = await SignInAsync(() => browser.NewPageAsync(javaScript: false), user);
        await page.GotoAsync("/account/passkeys");
        await Assertions.Expect(page.GetByText("Making a passkey needs JavaScript")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" })).ToBeHiddenAsync();
    }
}

public sealed class PasskeyBrowserTestsOnSqlite(BrowserFixture browser) : PasskeyBrowserTests<SqliteKestrelApp>(browser), IClassFixture<BrowserFixture>;
public sealed class PasskeyBrowserTestsOnPostgres(PostgresBrowserFixture browser) : PasskeyBrowserTests<PostgresKestrelApp>(browser), IClassFixture<PostgresBrowserFixture>;
