using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Accounts;

/// <summary>Registering, confirming, signing in and the profile page, through the real forms and real SMTP.</summary>
public abstract class RegistrationTests(MailingApp app)
{
    [Fact]
    public async Task A_new_account_posts_under_its_display_name_and_its_address_stays_private()
    {
        var email = $"nora-{Guid.NewGuid():N}"[..13] + "@tests.invalid";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var register = await Forms.GetAsync(client, "/Identity/Account/Register?returnUrl=%2Fjournals%2Fnew");
        Assert.Contains("Display name *", register.Html);

        var signedIn = await app.RegisterConfirmAndSignInAsync(client, "Nora the Brave", email, "/journals/new");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/journals/new", signedIn.Headers.Location!.OriginalString);
        var confirmation = app.Mail.Single(email, "Confirm");
        // The text part carries the same link, written out (issue 8, fix 7), for mail programs that show only text.
        Assert.Contains(Html.LinkIn(confirmation, "/Identity/Account/ConfirmEmail"), confirmation.TextBody);
        Assert.True(await app.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.EmailConfirmed));

        var newJournal = await Forms.GetAsync(client, "/journals/new");
        var created = await newJournal.PostAsync(client, new() { ["Input.Title"] = $"Nora {Guid.NewGuid():N}"[..16], ["Input.Visibility"] = "Public", ["Input.ShowDayNumbers"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var journalPath = created.Headers.Location!.OriginalString;
        var write = await Forms.GetAsync(client, journalPath + "/write");
        var posted = await write.PostAsync(client, new() { ["Input.Title"] = "First steps", ["Input.Markdown"] = "Hello.", ["Input.Status"] = "Published" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var page = await app.AnonymousClient().GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("Nora the Brave", page);
        Assert.DoesNotContain(email, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email.Split('@')[0], page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_register_form_with_errors_keeps_what_was_typed_except_passwords()
    {
        var existing = await app.CreateUserAsync();
        var client = app.AnonymousClient();
        var form = await Forms.GetAsync(client, "/Identity/Account/Register");

        var blank = await form.PostAsync(client, new()
        {
            ["Input.DisplayName"] = "  ", ["Input.Email"] = "not-an-address", ["Input.Password"] = "Secret-one-1234", ["Input.ConfirmPassword"] = "Secret-two-1234",
        });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        var html = await blank.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_DisplayName-error\">Enter the name other people will see", html);
        Assert.Contains("id=\"Input_Email-error\">Enter your e-mail address", html);
        Assert.Contains("id=\"Input_ConfirmPassword-error\">The two passwords are not the same.", html);
        Assert.Contains("value=\"not-an-address\"", html);
        Assert.DoesNotContain("Secret-one-1234", html);
        Assert.DoesNotContain("Secret-two-1234", html);

        var taken = await form.PostAsync(client, new()
        {
            ["Input.DisplayName"] = "Second <Try>", ["Input.Email"] = existing.Email!, ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        html = await taken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("value=\"Second &lt;Try&gt;\"", html);
        Assert.Matches("id=\"Input_Password-error\">[^<]*at least 10 characters", html);
        Assert.DoesNotContain("value=\"short\"", html);
        Html.AssertNoBlockedScript(html, "Register");
    }

    [Fact]
    public async Task A_taken_address_gets_the_same_answer_as_a_free_one_and_its_owner_a_warning_instead_of_an_account()
    {
        var owner = await app.CreateUserAsync();
        var fresh = $"fresh-{Guid.NewGuid():N}"[..14] + "@tests.invalid";
        var pages = new List<string>();
        foreach (var address in new[] { owner.Email!, fresh })
        {
            var client = app.AnonymousClient();
            var form = await Forms.GetAsync(client, "/Identity/Account/Register");
            var answer = await form.PostAsync(client, new()
            {
                ["Input.DisplayName"] = "Someone Else", ["Input.Email"] = address, ["Input.Password"] = "Another-long-passphrase", ["Input.ConfirmPassword"] = "Another-long-passphrase",
            });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/Identity/Account/RegisterConfirmation", answer.Headers.Location!.OriginalString);
            pages.Add(Html.WithoutTokens(await client.GetStringAsync(answer.Headers.Location!.OriginalString)));
        }
        Assert.Equal(pages[0], pages[1]);
        Assert.Contains("Check your e-mail", pages[0]);

        // The owner is told, with links from Site:BaseUrl, and nothing about the account changed.
        var warning = await app.Mail.WaitForAsync(owner.Email!, "Someone tried to register");
        Assert.Contains("http://localhost/Identity/Account/ForgotPassword", warning.TextBody);
        Assert.DoesNotContain(app.Mail.To(owner.Email!), m => (m.Subject ?? "").Contains("Confirm", StringComparison.Ordinal));
        var stored = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(owner.Id))!);
        Assert.Equal((owner.DisplayName, owner.PasswordHash), (stored.DisplayName, stored.PasswordHash));
        await app.SignedInClientAsync(owner);

        // The new address has an account that cannot sign in until it is confirmed; the message says so only to
        // someone who knows the password. Opening the link (as mail scanners do) confirms nothing: its button does.
        var link = Html.LinkIn(await app.Mail.WaitForAsync(fresh, "Confirm"), "/Identity/Account/ConfirmEmail");
        var visitor = app.AnonymousClient();
        var login = await Forms.GetAsync(visitor, "/Identity/Account/Login");
        var wrong = await (await login.PostAsync(visitor, new() { ["Input.Email"] = fresh, ["Input.Password"] = "Not-the-passphrase" })).Content.ReadAsStringAsync();
        Assert.Contains("The e-mail address or password is not right.", wrong);
        var unconfirmed = await (await login.PostAsync(visitor, new() { ["Input.Email"] = fresh, ["Input.Password"] = "Another-long-passphrase" })).Content.ReadAsStringAsync();
        Assert.Contains("Your e-mail address is not confirmed yet.", unconfirmed);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(link)).StatusCode);
        Assert.False(await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(fresh))!.EmailConfirmed));
        var mangled = await Forms.GetAsync(visitor, link.Replace("code=", "code=x", StringComparison.Ordinal));
        var refused = await mangled.PostAsync(visitor, []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This confirmation link does not work", await refused.Content.ReadAsStringAsync());
        Assert.False(await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(fresh))!.EmailConfirmed));
    }

    [Fact]
    public async Task The_profile_changes_display_name_and_time_zone_and_refuses_an_unknown_zone()
    {
        var user = await app.CreateUserAsync("Before Name");
        var client = await app.SignedInClientAsync(user);
        var form = await Forms.GetAsync(client, "/account/profile");
        Assert.Contains("<option value=\"Europe/London\" selected=\"selected\">", form.Html);

        var bad = await form.PostAsync(client, new() { ["DisplayName"] = "Kept Name", ["TimeZoneId"] = "Mars/Olympus_Mons" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Choose a time zone from the list.", html);
        Assert.Contains("value=\"Kept Name\"", html);

        var good = await form.PostAsync(client, new() { ["DisplayName"] = "After Name", ["TimeZoneId"] = "America/New_York" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id))!);
        Assert.Equal(("After Name", "America/New_York"), (saved.DisplayName, saved.TimeZoneId));
        // The session survives the change.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).StatusCode);
    }

    [Theory]
    [InlineData("/account/profile")]
    [InlineData("/account/email")]
    [InlineData("/account/password")]
    [InlineData("/account/two-factor")]
    [InlineData("/account/sessions")]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/Identity/Account/Login")]
    public async Task Identity_pages_render_without_scripts_the_security_policy_would_block(string path)
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Html.AssertNoBlockedScript(html, path);
        if (path.StartsWith("/account/", StringComparison.Ordinal)) Assert.Contains("href=\"/account/password\"", html);
    }
}

public sealed class RegistrationTestsOnSqlite(MailingSqliteApp app) : RegistrationTests(app), IClassFixture<MailingSqliteApp>;
public sealed class RegistrationTestsOnPostgres(MailingPostgresApp app) : RegistrationTests(app), IClassFixture<MailingPostgresApp>;
