using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Accounts;

/// <summary>Registering, signing in, lockout and the profile page, through the real forms and real SMTP.</summary>
public abstract class RegistrationTests(MailingApp app)
{
    [Fact]
    public async Task A_new_account_posts_under_its_display_name_and_its_address_stays_private()
    {
        var email = $"nora-{Guid.NewGuid():N}"[..13] + "@tests.invalid";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var register = await Forms.GetAsync(client, "/Identity/Account/Register?returnUrl=%2Fjournals%2Fnew");
        Assert.Contains("Display name *", register.Html);

        var response = await register.PostAsync(client, new()
        {
            ["Input.DisplayName"] = "Nora the Brave", ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.Password, ["Input.ConfirmPassword"] = AppFactory.Password,
        }, "/Identity/Account/Register?returnUrl=%2Fjournals%2Fnew");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/journals/new", response.Headers.Location!.OriginalString);
        var confirmation = await app.Mail.WaitForAsync(email, "Confirm");
        var confirmLink = Html.LinkIn(confirmation, "/Identity/Account/ConfirmEmail");
        // The text part carries the same link, written out (issue 8, fix 7), for mail programs that show only text.
        Assert.Contains(confirmLink, confirmation.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(confirmLink)).StatusCode);
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
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await app.CreateUserAsync();
        var client = app.AnonymousClient();
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await form.PostAsync(client, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "Wrong-password-" + i, ["Input.RememberMe"] = "false" });
            if (i < 4)
            {
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
                Assert.Contains("The e-mail address or password is not right.", await wrong.Content.ReadAsStringAsync());
            }
        }

        var right = await form.PostAsync(client, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password, ["Input.RememberMe"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Identity/Account/Lockout", right.Headers.Location!.OriginalString);
        Assert.True(await app.WithScopeAsync(async sp =>
            await sp.GetRequiredService<UserManager<AppUser>>().IsLockedOutAsync((await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id))!)));
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
    [InlineData("/Identity/Account/Manage")]
    [InlineData("/Identity/Account/Manage/ChangePassword")]
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
        if (path.Contains("/Manage", StringComparison.Ordinal)) Assert.Contains("href=\"/account/profile\"", html);
    }
}

public sealed class RegistrationTestsOnSqlite(MailingSqliteApp app) : RegistrationTests(app), IClassFixture<MailingSqliteApp>;
public sealed class RegistrationTestsOnPostgres(MailingPostgresApp app) : RegistrationTests(app), IClassFixture<MailingPostgresApp>;
