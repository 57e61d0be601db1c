using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Security;

/// <summary>Issue 8, fix 3: no state change on GET; our own two-factor page with a QR code and recovery codes.</summary>
public abstract partial class TwoFactorTests(AppFactory app)
{
    private Task<(string? Key, string Stamp, bool Enabled)> StateAsync(AppUser user) => app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        return (await users.GetAuthenticatorKeyAsync(fresh), fresh.SecurityStamp!, fresh.TwoFactorEnabled);
    });

    private async Task<CookieBrowser> SignInAsync(AppUser user)
    {
        var browser = new CookieBrowser(app);
        Assert.Equal("/me", await browser.SignInAsync(user.Email!, AppFactory.Password));
        return browser;
    }

    [Theory]
    [InlineData("/Identity/Account/Manage/EnableAuthenticator")]
    [InlineData("/Identity/Account/Manage/ResetAuthenticator")]
    [InlineData("/Identity/Account/Manage/GenerateRecoveryCodes")]
    [InlineData("/Identity/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/account/two-factor")]
    public async Task Opening_a_two_factor_address_changes_nothing_and_signs_no_one_out(string path)
    {
        var user = await app.CreateUserAsync();
        var victim = await SignInAsync(user);
        var elsewhere = await SignInAsync(user);
        var before = await StateAsync(user);

        var response = await victim.Client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Equal("/account/two-factor", response.Headers.Location?.OriginalString);

        Assert.Equal(before, await StateAsync(user));
        Assert.Null(before.Key);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Starting_set_up_without_the_antiforgery_token_is_refused()
    {
        var user = await app.CreateUserAsync();
        var browser = await SignInAsync(user);
        var forged = await browser.Client.PostAsync("/account/two-factor?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await StateAsync(user)).Key);
    }

    [Fact]
    public async Task Two_factor_is_set_up_with_the_qr_code_key_and_a_recovery_code_signs_in_once()
    {
        var user = await app.CreateUserAsync();
        var browser = await SignInAsync(user);
        var page = await Forms.GetAsync(browser.Client, "/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostAsync(browser.Client, [], "/account/two-factor?handler=Start")).StatusCode);

        page = await Forms.GetAsync(browser.Client, "/account/two-factor");
        Assert.Contains("src=\"data:image/png;base64,", page.Html);
        var key = KeyPattern().Match(page.Html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal((await StateAsync(user)).Key, key);

        var wrong = await page.PostAsync(browser.Client, new() { ["Code"] = "000000" }, "/account/two-factor?handler=Verify");
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        Assert.False((await StateAsync(user)).Enabled);

        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var right = await page.PostAsync(browser.Client, new() { ["Code"] = code[..3] + " " + code[3..] }, "/account/two-factor?handler=Verify");
        var html = await right.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor sign-in is on.", html);
        var recovery = RecoveryPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(TwoFactorPageModel.RecoveryCodeCount, recovery.Count);
        Assert.Contains("no-store", right.Headers.CacheControl?.ToString());
        Assert.True((await StateAsync(user)).Enabled);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/me")).StatusCode);

        // A password alone no longer signs in; a recovery code does, once.
        var phone = new CookieBrowser(app);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", await phone.SignInAsync(user.Email!, AppFactory.Password));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Client.GetAsync("/me")).StatusCode);
        var recoveryForm = await Forms.GetAsync(phone.Client, "/Identity/Account/LoginWithRecoveryCode");
        var signedIn = await recoveryForm.PostAsync(phone.Client, new() { ["RecoveryCode"] = recovery[0] });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/me")).StatusCode);

        var again = new CookieBrowser(app);
        await again.SignInAsync(user.Email!, AppFactory.Password);
        var reused = await (await Forms.GetAsync(again.Client, "/Identity/Account/LoginWithRecoveryCode"))
            .PostAsync(again.Client, new() { ["RecoveryCode"] = recovery[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.Client.GetAsync("/me")).StatusCode);

        // Turning it off is a POST too, and the next set-up needs a new key.
        var off = await (await Forms.GetAsync(browser.Client, "/account/two-factor")).PostAsync(browser.Client, [], "/account/two-factor?handler=Disable");
        Assert.Equal("/account/two-factor?done=off", off.Headers.Location?.OriginalString);
        var state = await StateAsync(user);
        Assert.False(state.Enabled);
        Assert.NotEqual(key, state.Key);
    }

    [GeneratedRegex("<code id=\"key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([0-9A-Z-]+)</code></li>")]
    private static partial Regex RecoveryPattern();
}

public sealed class TwoFactorTestsOnSqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;
public sealed class TwoFactorTestsOnPostgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
