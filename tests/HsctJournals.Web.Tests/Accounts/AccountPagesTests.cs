using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Accounts;

/// <summary>Issue 8, build 1: our own e-mail, password, reset and second-step pages, through the real forms and real SMTP.</summary>
public abstract class AccountPagesTests(MailingApp app)
{
    private const string Phone = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private async Task<CookieBrowser> SignInAsync(AppUser user, string password = AppFactory.Password, string? userAgent = null)
    {
        var browser = userAgent is null ? new CookieBrowser(app) : new CookieBrowser(app, userAgent);
        Assert.Equal("/me", await browser.SignInAsync(user.Email!, password));
        return browser;
    }

    private Task<AppUser> ReloadAsync(AppUser user) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id))!);

    private static string NewAddress(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)] + "@tests.invalid";

    [Fact]
    public async Task An_email_change_waits_for_the_new_address_then_moves_the_sign_in_and_ends_other_sessions()
    {
        var user = await app.CreateUserAsync();
        var oldAddress = user.Email!;
        var here = await SignInAsync(user);
        var phone = await SignInAsync(user, userAgent: Phone);
        var newAddress = NewAddress("moved");

        var form = await Forms.GetAsync(here.Client, "/account/email");
        Assert.Contains(oldAddress, form.Html);
        var wrong = await form.PostAsync(here.Client, new() { ["NewEmail"] = newAddress, ["Password"] = "not-the-password" });
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"Password-error\">That password is not right.", html);
        Assert.Contains($"value=\"{newAddress}\"", html);
        Assert.DoesNotContain("not-the-password", html);

        var sent = await form.PostAsync(here.Client, new() { ["NewEmail"] = newAddress, ["Password"] = AppFactory.Password });
        Assert.Equal("/account/email", sent.Headers.Location?.OriginalString);
        Assert.Contains($"We sent a link to {newAddress}", await here.Client.GetStringAsync("/account/email"));
        Assert.Contains("/account/password", (await app.Mail.WaitForAsync(oldAddress, "Your e-mail address is being changed")).TextBody);
        var link = Html.LinkIn(await app.Mail.WaitForAsync(newAddress, "Confirm your new e-mail address"), AppFactory.SiteBaseUrl + "/Identity/Account/ConfirmEmailChange");
        Assert.Equal(oldAddress, (await ReloadAsync(user)).Email);

        // Opening the link (a mail scanner would) changes nothing; the button does.
        var mailbox = new CookieBrowser(app);
        var confirm = await Forms.GetAsync(mailbox.Client, link);
        Assert.Equal(oldAddress, (await ReloadAsync(user)).Email);
        var confirmed = await confirm.PostAsync(mailbox.Client, []);
        Assert.Equal("/Identity/Account/Login", confirmed.Headers.Location?.OriginalString);
        var moved = await ReloadAsync(user);
        Assert.Equal((newAddress, newAddress, true), (moved.Email, moved.UserName, moved.EmailConfirmed));
        await app.Mail.WaitForAsync(oldAddress, "Your e-mail address was changed");

        Assert.Equal(HttpStatusCode.Redirect, (await here.Client.GetAsync("/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Client.GetAsync("/me")).StatusCode);
        Assert.Null(await new CookieBrowser(app).SignInAsync(oldAddress, AppFactory.Password));
        Assert.Equal("/me", await new CookieBrowser(app).SignInAsync(newAddress, AppFactory.Password));
        Assert.Equal(HttpStatusCode.BadRequest, (await confirm.PostAsync(mailbox.Client, [])).StatusCode);
    }

    [Fact]
    public async Task An_email_change_to_a_taken_address_answers_the_same_and_only_warns_its_owner()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var here = await SignInAsync(user);
        var form = await Forms.GetAsync(here.Client, "/account/email");

        var taken = await form.PostAsync(here.Client, new() { ["NewEmail"] = other.Email!.ToUpperInvariant(), ["Password"] = AppFactory.Password });
        var takenPage = await here.Client.GetStringAsync("/account/email");
        var freeAddress = NewAddress("free");
        var free = await form.PostAsync(here.Client, new() { ["NewEmail"] = freeAddress, ["Password"] = AppFactory.Password });
        var freePage = await here.Client.GetStringAsync("/account/email");

        Assert.Equal(free.Headers.Location, taken.Headers.Location);
        Assert.Contains($"We sent a link to {freeAddress}", freePage);
        Assert.Equal(Html.WithoutTokens(freePage).Replace(freeAddress, "ADDRESS", StringComparison.Ordinal),
            Html.WithoutTokens(takenPage).Replace(other.Email!.ToUpperInvariant(), "ADDRESS", StringComparison.Ordinal));
        await app.Mail.WaitForAsync(other.Email!, "Someone tried to move an account to your address");
        Assert.DoesNotContain(app.Mail.To(other.Email!), m => (m.Subject ?? "").Contains("Confirm", StringComparison.Ordinal));
        Assert.Equal(user.Email, (await ReloadAsync(user)).Email);
        Assert.Equal(other.Email, (await ReloadAsync(other)).Email);
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_keeps_what_was_typed_out_of_the_page()
    {
        var user = await app.CreateUserAsync();
        var here = await SignInAsync(user);
        var form = await Forms.GetAsync(here.Client, "/account/password");

        var wrong = await form.PostAsync(here.Client, new() { ["CurrentPassword"] = "wrong-password-1", ["NewPassword"] = "A-new-long-passphrase", ["ConfirmPassword"] = "A-new-long-passphrase" });
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("id=\"CurrentPassword-error\">That password is not right.", html);
        Assert.DoesNotContain("A-new-long-passphrase", html);
        var weak = await form.PostAsync(here.Client, new() { ["CurrentPassword"] = AppFactory.Password, ["NewPassword"] = "short", ["ConfirmPassword"] = "short" });
        Assert.Matches("id=\"NewPassword-error\">[^<]*at least 10 characters", await weak.Content.ReadAsStringAsync());
        var mismatch = await form.PostAsync(here.Client, new() { ["CurrentPassword"] = AppFactory.Password, ["NewPassword"] = "A-new-long-passphrase", ["ConfirmPassword"] = "Another-one-entirely" });
        Assert.Contains("id=\"ConfirmPassword-error\">The two passwords are not the same.", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal("/me", await new CookieBrowser(app).SignInAsync(user.Email!, AppFactory.Password));

        var changed = await form.PostAsync(here.Client, new() { ["CurrentPassword"] = AppFactory.Password, ["NewPassword"] = "A-new-long-passphrase", ["ConfirmPassword"] = "A-new-long-passphrase" });
        Assert.Equal("/account/password?changed=true", changed.Headers.Location?.OriginalString);
        Assert.Contains("Your password is changed.", await here.Client.GetStringAsync("/account/password?changed=true"));
        Assert.Equal("/me", await new CookieBrowser(app).SignInAsync(user.Email!, "A-new-long-passphrase"));
    }

    [Fact]
    public async Task A_reset_link_from_the_site_address_sets_a_new_password_once_and_ends_every_session()
    {
        var user = await app.CreateUserAsync();
        var phone = await SignInAsync(user, userAgent: Phone);
        var visitor = new CookieBrowser(app);
        var forgot = await Forms.GetAsync(visitor.Client, "/Identity/Account/ForgotPassword");
        await forgot.PostAsync(visitor.Client, new() { ["Email"] = user.Email! });
        var link = Html.LinkIn(await app.Mail.WaitForAsync(user.Email!, "Reset your password"), AppFactory.SiteBaseUrl + "/Identity/Account/ResetPassword?code=");

        var form = await Forms.GetAsync(visitor.Client, link);
        Assert.DoesNotContain("name=\"Email\"", form.Html);
        var mismatch = await form.PostAsync(visitor.Client, new() { ["NewPassword"] = "A-reset-passphrase", ["ConfirmPassword"] = "Something-else-1" });
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("The two passwords are not the same.", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/me")).StatusCode);

        var reset = await form.PostAsync(visitor.Client, new() { ["NewPassword"] = "A-reset-passphrase", ["ConfirmPassword"] = "A-reset-passphrase" });
        Assert.Equal("/Identity/Account/Login", reset.Headers.Location?.OriginalString);
        Assert.Contains("Your password is changed", await visitor.Client.GetStringAsync("/Identity/Account/Login"));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Client.GetAsync("/me")).StatusCode);
        Assert.Null(await new CookieBrowser(app).SignInAsync(user.Email!, AppFactory.Password));
        Assert.Equal("/me", await new CookieBrowser(app).SignInAsync(user.Email!, "A-reset-passphrase"));

        var again = await form.PostAsync(visitor.Client, new() { ["NewPassword"] = "A-third-passphrase", ["ConfirmPassword"] = "A-third-passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Ask for a new link", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.Client.GetAsync("/Identity/Account/ResetPassword?code=%%%&userId=" + user.Id)).StatusCode);
    }

    [Fact]
    public async Task The_passkeys_page_refuses_what_no_browser_made_and_touches_only_its_owners_passkeys()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var credentialId = Guid.NewGuid().ToByteArray();
        var id = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(credentialId);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var passkey = new UserPasskeyInfo(credentialId, [1, 2, 3], DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [4], [5]) { Name = "Owner's phone" };
            Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(owner.Id))!, passkey)).Succeeded);
        });

        var stranger = await app.SignedInClientAsync(other);
        var page = await Forms.GetAsync(stranger, "/account/passkeys");
        Html.AssertNoBlockedScript(page.Html, "/account/passkeys");
        Assert.Contains("You have no passkeys yet.", page.Html);
        var empty = await page.PostAsync(stranger, new() { ["Name"] = "Kept name", ["CredentialJson"] = "" }, "/account/passkeys?handler=Add");
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Your browser did not make a passkey", html);
        Assert.Contains("value=\"Kept name\"", html);
        var junk = await page.PostAsync(stranger, new() { ["Name"] = "Junk", ["CredentialJson"] = "{\"id\":\"x\",\"type\":\"public-key\"}" }, "/account/passkeys?handler=Add");
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        Assert.Contains(HsctJournals.Web.Accounts.Passkeys.NotMade, await junk.Content.ReadAsStringAsync());
        var renamed = await page.PostAsync(stranger, new() { ["id"] = id, ["newName"] = "Mine now" }, "/account/passkeys?handler=Rename");
        Assert.Equal(HttpStatusCode.NotFound, renamed.StatusCode);
        await page.PostAsync(stranger, new() { ["id"] = id }, "/account/passkeys?handler=Remove");

        var client = await app.SignedInClientAsync(owner);
        var own = await Forms.GetAsync(client, "/account/passkeys");
        Assert.Contains("<h3>Owner&#x27;s phone</h3>", own.Html);
        var tooLong = await own.PostAsync(client, new() { ["id"] = id, ["newName"] = new string('x', 61) }, "/account/passkeys?handler=Rename");
        Assert.Contains("Use at most 60 characters.", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal("/account/passkeys?done=renamed",
            (await own.PostAsync(client, new() { ["id"] = id, ["newName"] = " Old  phone " }, "/account/passkeys?handler=Rename")).Headers.Location?.OriginalString);
        Assert.Contains("<h3>Old phone</h3>", await client.GetStringAsync("/account/passkeys"));
        Assert.Equal("/account/passkeys?done=removed",
            (await own.PostAsync(client, new() { ["id"] = id }, "/account/passkeys?handler=Remove")).Headers.Location?.OriginalString);
        Assert.Contains("You have no passkeys yet.", await client.GetStringAsync("/account/passkeys"));
    }

    [Fact]
    public async Task Passkey_sign_in_options_name_the_sites_own_domain_and_a_bad_answer_is_refused_politely()
    {
        var client = app.AnonymousClient();
        var login = await Forms.GetAsync(client, "/Identity/Account/Login");
        var options = await login.PostAsync(client, [], "/Identity/Account/Login?handler=PasskeyOptions");
        Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await options.Content.ReadAsStringAsync());
        Assert.Equal("localhost", json.RootElement.GetProperty("rpId").GetString());
        Assert.True(json.RootElement.GetProperty("challenge").GetString()!.Length >= 40);

        var bad = await login.PostAsync(client, new() { ["CredentialJson"] = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}" },
            "/Identity/Account/Login?handler=Passkey");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("That passkey did not work here", await bad.Content.ReadAsStringAsync());
        var none = await login.PostAsync(client, new() { ["CredentialJson"] = "" }, "/Identity/Account/Login?handler=Passkey");
        var fresh = app.AnonymousClient();
        var withoutOptions = await (await Forms.GetAsync(fresh, "/Identity/Account/Login"))
            .PostAsync(fresh, new() { ["CredentialJson"] = "{\"id\":\"AAAA\",\"type\":\"public-key\"}" }, "/Identity/Account/Login?handler=Passkey");
        Assert.Equal(HttpStatusCode.OK, withoutOptions.StatusCode);
        Assert.Contains("Your browser did not use a passkey", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_sends_one_message_whether_or_not_the_address_has_an_account_and_answers_the_same()
    {
        var user = await app.CreateUserAsync();
        var unknown = NewAddress("nobody");
        var client = app.AnonymousClient();
        var form = await Forms.GetAsync(client, "/Identity/Account/ForgotPassword");
        var known = await (await form.PostAsync(client, new() { ["Email"] = user.Email! })).Content.ReadAsStringAsync();
        var none = await (await form.PostAsync(client, new() { ["Email"] = unknown })).Content.ReadAsStringAsync();

        Assert.Contains("A message is on its way to that address", known);
        Assert.Equal(Html.WithoutTokens(known).Replace(user.Email!, "ADDRESS", StringComparison.Ordinal),
            Html.WithoutTokens(none).Replace(unknown, "ADDRESS", StringComparison.Ordinal));
        var reset = await app.Mail.WaitForAsync(user.Email!, "Reset your password");
        var note = await app.Mail.WaitForAsync(unknown, "Reset your password");
        Assert.Contains("/Identity/Account/ResetPassword?code=", reset.TextBody);
        Assert.DoesNotContain("ResetPassword", note.TextBody);
        Assert.Contains("this address has no account here", note.TextBody);
        Assert.Single(app.Mail.To(user.Email!));
        Assert.Single(app.Mail.To(unknown));
    }

    [Theory]
    [InlineData("/Identity/Account/Manage", "/account/profile")]
    [InlineData("/Identity/Account/Manage/Index", "/account/profile")]
    [InlineData("/Identity/Account/Manage/Email", "/account/email")]
    [InlineData("/Identity/Account/Manage/ChangePassword", "/account/password")]
    [InlineData("/Identity/Account/Manage/SetPassword", "/account/password")]
    [InlineData("/Identity/Account/Manage/ExternalLogins", "/account/profile")]
    [InlineData("/Identity/Account/ResetPasswordConfirmation", "/Identity/Account/Login")]
    [InlineData("/Identity/Account/ForgotPasswordConfirmation", "/Identity/Account/Login")]
    [InlineData("/Identity/Account/ExternalLogin", "/Identity/Account/Login")]
    public async Task Identity_uis_own_pages_lead_to_ours(string stock, string ours)
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());
        var response = await client.GetAsync(stock);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ours, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/Identity/Account/LoginWith2fa")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task A_second_step_page_opened_without_the_first_sends_people_to_sign_in(string path)
    {
        var client = app.AnonymousClient();
        var response = await client.GetAsync(path + "?returnUrl=%2Fjournals%2Fnew");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login?returnUrl=%2Fjournals%2Fnew", response.Headers.Location?.OriginalString);
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        var posted = await form.PostAsync(client, new() { ["Code"] = "123456", ["RecoveryCode"] = "abc" }, path);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task The_lockout_and_access_denied_pages_are_ours_and_the_account_menu_is_on_every_account_page()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());
        var lockout = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Account/Lockout"));
        Assert.Contains("<h1>You cannot sign in just now</h1>", lockout);
        Assert.Contains("after 15 minutes", lockout);
        Assert.DoesNotContain("This account has been locked out", lockout); // Identity UI's stock text
        var denied = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Account/AccessDenied"));
        Assert.Contains("<h1>Not open to your account</h1>", denied);
        Assert.DoesNotContain("You do not have access to this resource", denied);

        foreach (var path in new[] { "/account/profile", "/account/email", "/account/password", "/account/passkeys", "/account/two-factor",
                     "/account/sessions", "/account/tokens", "/account/data" })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("<nav aria-label=\"Account\" class=\"account-nav\">", html);
            Assert.Contains($"<a href=\"{path}\" aria-current=\"page\">", html);
        }
    }
}

public sealed class AccountPagesTestsOnSqlite(MailingSqliteApp app) : AccountPagesTests(app), IClassFixture<MailingSqliteApp>;
public sealed class AccountPagesTestsOnPostgres(MailingPostgresApp app) : AccountPagesTests(app), IClassFixture<MailingPostgresApp>;
