using System.Net;
using System.Text.Json;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Tests.Admin;

/// <summary>
/// The site admin's screens (issue 8, build 3) through the real pages, real Identity and the real SMTP server.
/// Each test sets the site settings it needs first: they are one row shared by the class's database.
/// </summary>
public abstract class SiteAdministrationTests(MailingApp app)
{
    public static readonly string[] AdminPaths = ["/admin", "/admin/settings", "/admin/journals", "/admin/mail", "/admin/people", "/admin/audit"];

    [Fact]
    public async Task Every_admin_page_answers_404_to_everyone_else_exactly_like_a_missing_page()
    {
        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());
        var anonymous = app.AnonymousClient();
        var missing = Html.WithoutTokens(await (await stranger.GetAsync("/admin-no-such-page")).Content.ReadAsStringAsync());
        var missingAnonymous = Html.WithoutTokens(await (await anonymous.GetAsync("/admin-no-such-page")).Content.ReadAsStringAsync());
        var form = await Forms.GetAsync(stranger, "/me");
        foreach (var path in AdminPaths)
        {
            var get = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(missing, Html.WithoutTokens(await get.Content.ReadAsStringAsync()));
            var anonymousGet = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, anonymousGet.StatusCode);
            Assert.Equal(missingAnonymous, Html.WithoutTokens(await anonymousGet.Content.ReadAsStringAsync()));
            // A POST, with or without a valid antiforgery token, is a 404 too (not 400: the gate runs first).
            Assert.Equal(HttpStatusCode.NotFound, (await form.PostAsync(stranger, new() { ["UserId"] = "x" }, path + "?handler=Lock")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(path, new FormUrlEncodedContent([]))).StatusCode);
        }
        var admin = await AdminAsync();
        foreach (var path in AdminPaths) Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        Assert.Contains("href=\"/admin\"", await admin.GetStringAsync("/"));
        Assert.DoesNotContain("href=\"/admin\"", await stranger.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_site_name_changes_on_every_page_at_once_bad_input_keeps_what_was_typed_and_the_change_is_audited()
    {
        var admin = await AdminAsync();
        var anonymous = app.AnonymousClient();
        await SaveSettingsAsync(admin, "Open", "AtOnce", "HSCT Journals", "Stories of transplants.");
        Assert.Contains("<title>HSCT Journals</title>", await anonymous.GetStringAsync("/")); // now cached

        var form = await Forms.GetAsync(admin, "/admin/settings");
        var bad = await form.PostAsync(admin, new()
        {
            ["Input.Registration"] = "Emperor", ["Input.NewJournals"] = "AtOnce", ["Input.Name"] = "  ", ["Input.Description"] = "Kept description",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Choose who may register.", badHtml);
        Assert.Contains("Enter the site&#x27;s name.", badHtml);
        Assert.Contains("Kept description", badHtml);

        await SaveSettingsAsync(admin, "Open", "AtOnce", "Transplant Diaries", "Written from the ward.");
        var home = await anonymous.GetStringAsync("/");
        Assert.Contains("<title>Transplant Diaries</title>", home);
        Assert.Contains("Written from the ward.", home);
        Assert.Contains("Transplant Diaries</a>", await anonymous.GetStringAsync("/search"));
        // Another node reading the same database sees it too: the row, not a process cache, is the truth.
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().SiteSettings.SingleAsync());
        Assert.Equal("Transplant Diaries", stored.Name);

        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit"));
        Assert.Contains("Settings changed", audit);
        Assert.Contains("“HSCT Journals” → “Transplant Diaries”", audit);
        await SaveSettingsAsync(admin, "Open", "AtOnce", "HSCT Journals", "Stories of transplants.");
    }

    [Fact]
    public async Task The_site_name_from_the_settings_is_in_mail_the_api_document_and_the_authenticator_label()
    {
        var admin = await AdminAsync();
        var name = "Marrow Notes " + Guid.NewGuid().ToString("N")[..6];
        try
        {
            await SaveSettingsAsync(admin, "Open", "AtOnce", name, "Stories of transplants.");

            // Queued account mail (outbox): the sender's name, the text and the footer.
            var person = await app.CreateUserAsync("Named Site Person");
            var visitor = app.AnonymousClient();
            var forgot = await Forms.GetAsync(visitor, "/Identity/Account/ForgotPassword");
            await forgot.PostAsync(visitor, new() { ["Email"] = person.Email! });
            var reset = await app.Mail.WaitForAsync(person.Email!, "Reset your password");
            Assert.Equal(name, reset.From.Mailboxes.Single().Name);
            Assert.Equal("no-reply@tests.invalid", reset.From.Mailboxes.Single().Address);
            Assert.Contains($"the password of your {name} account", reset.TextBody);
            Assert.Contains($"because of an action on your {name} account", reset.TextBody);
            Assert.DoesNotContain("HSCT Journals", reset.TextBody + reset.HtmlBody + reset.Subject);

            // Mail sent at once (an invitation) names the site too.
            var owner = await app.CreateUserAsync("Named Site Owner");
            var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
            var ownerClient = await app.SignedInClientAsync(owner);
            var members = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/members");
            var invited = $"named-{Guid.NewGuid():N}"[..14] + "@tests.invalid";
            await members.PostAsync(ownerClient, new() { ["Email"] = invited, ["Role"] = "ApprovedReader" }, $"/j/{journal.Slug}/members?handler=Invite");
            var invitation = app.Mail.Single(invited, "Invitation");
            Assert.Equal(name, invitation.From.Mailboxes.Single().Name);
            Assert.Contains($"on {name}.", invitation.TextBody);

            // The API's document and its reference page, and what an authenticator app will show.
            using (var document = JsonDocument.Parse(await visitor.GetStringAsync("/openapi/v1.json")))
                Assert.Equal($"{name} API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
            Assert.Contains($"<title>{name} API</title>", await visitor.GetStringAsync("/api/docs/"));
            var twoFactor = await Forms.GetAsync(ownerClient, "/account/two-factor");
            var started = await twoFactor.PostAsync(ownerClient, [], "/account/two-factor?handler=Start");
            var setupHtml = WebUtility.HtmlDecode(await (started.StatusCode == HttpStatusCode.Redirect
                ? ownerClient.GetStringAsync(started.Headers.Location!.OriginalString) : started.Content.ReadAsStringAsync()));
            Assert.Contains($"The app lists it as “{name}”", setupHtml);
        }
        finally
        {
            await SaveSettingsAsync(admin, "Open", "AtOnce", "HSCT Journals", "Stories of transplants.");
        }
    }

    [Fact]
    public async Task Closed_and_invite_only_registration_are_enforced_on_the_register_page()
    {
        var admin = await AdminAsync();
        try
        {
            await SaveSettingsAsync(admin, "Closed", "AtOnce", "HSCT Journals", "");
            var visitor = app.AnonymousClient();
            var get = await visitor.GetAsync("/Identity/Account/Register");
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Equal("/register/closed", get.Headers.Location!.OriginalString);
            Assert.Contains("not taking new accounts", await visitor.GetStringAsync("/register/closed"));
            Assert.DoesNotContain("/Identity/Account/Register\"", await visitor.GetStringAsync("/"));
            // A form kept from before the change cannot register either.
            var login = await Forms.GetAsync(visitor, "/Identity/Account/Login");
            var address = $"closed-{Guid.NewGuid():N}"[..16] + "@tests.invalid";
            var posted = await login.PostAsync(visitor, RegisterFields(address), "/Identity/Account/Register");
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal("/register/closed", posted.Headers.Location!.OriginalString);
            Assert.False(await AccountExistsAsync(address));

            await SaveSettingsAsync(admin, "InviteOnly", "AtOnce", "HSCT Journals", "");
            Assert.Equal("/register/closed", (await visitor.GetAsync("/Identity/Account/Register")).Headers.Location!.OriginalString);
            Assert.Equal("/register/closed", (await visitor.GetAsync("/Identity/Account/Register?returnUrl=%2Finvitations%2Finv_made-up")).Headers.Location!.OriginalString);
            Assert.Contains("by invitation only", await visitor.GetStringAsync("/register/closed"));

            // With an open invitation the whole way works: register, confirm, sign in, accept.
            var owner = await app.CreateUserAsync("Inviting Owner");
            var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
            var ownerClient = await app.SignedInClientAsync(owner);
            var members = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/members");
            var invited = $"invited-{Guid.NewGuid():N}"[..16] + "@tests.invalid";
            await members.PostAsync(ownerClient, new() { ["Email"] = invited, ["Role"] = "ApprovedReader" }, $"/j/{journal.Slug}/members?handler=Invite");
            var link = Html.LinkIn(app.Mail.Single(invited, "Invitation"), "/invitations/");
            var newcomer = app.AnonymousClient();
            var signedIn = await app.RegisterConfirmAndSignInAsync(newcomer, "Invited Person", invited, link);
            Assert.Equal(link, signedIn.Headers.Location!.OriginalString);
        }
        finally
        {
            await SaveSettingsAsync(admin, "Open", "AtOnce", "HSCT Journals", "");
        }
    }

    [Fact]
    public async Task New_public_journals_wait_for_the_admin_when_asked_and_members_see_the_badge()
    {
        var admin = await AdminAsync();
        var anonymous = app.AnonymousClient();
        try
        {
            await SaveSettingsAsync(admin, "Open", "AfterApproval", "HSCT Journals", "");
            var owner = await app.CreateUserAsync("Spam Or Not");
            var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public, "Waiting journal " + Guid.NewGuid().ToString("N")[..6]);
            await app.CreatePostAsync(journal, owner, "First words");
            Assert.DoesNotContain(journal.Title, await anonymous.GetStringAsync("/"));
            Assert.DoesNotContain(journal.Slug, await anonymous.GetStringAsync("/sitemap.xml"));
            // Not listed, but readable with the link; its owner is told why it is not on the front page.
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/j/{journal.Slug}")).StatusCode);
            var ownerClient = await app.SignedInClientAsync(owner);
            Assert.Contains("Public, waiting to be listed on the front page", await ownerClient.GetStringAsync($"/j/{journal.Slug}"));

            var page = await Forms.GetAsync(admin, "/admin/journals");
            Assert.Contains(journal.Title, page.Html);
            var approved = await page.PostAsync(admin, new() { ["JournalId"] = journal.Id.ToString() }, "/admin/journals?handler=Approve");
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
            Assert.Contains(journal.Title, await anonymous.GetStringAsync("/"));
            Assert.Contains("visibility-badge\"><span class=\"visually-hidden\">Who can read this journal: </span>Public<", await ownerClient.GetStringAsync($"/j/{journal.Slug}"));
            Assert.DoesNotContain("visibility-badge", await anonymous.GetStringAsync($"/j/{journal.Slug}"));

            var takenOff = await page.PostAsync(admin, new() { ["JournalId"] = journal.Id.ToString() }, "/admin/journals?handler=TakeOff");
            Assert.Equal(HttpStatusCode.Redirect, takenOff.StatusCode);
            Assert.DoesNotContain(journal.Title, await anonymous.GetStringAsync("/"));
            Assert.Contains("Journal taken off the front page", await admin.GetStringAsync("/admin/audit"));

            // A private journal never appears on the admin's screen (decision 0004), and cannot be approved.
            var secret = await app.CreateJournalAsync(owner, JournalVisibility.Private, "Secret journal " + Guid.NewGuid().ToString("N")[..6]);
            Assert.DoesNotContain(secret.Title, await admin.GetStringAsync("/admin/journals"));
            var refused = await page.PostAsync(admin, new() { ["JournalId"] = secret.Id.ToString() }, "/admin/journals?handler=Approve");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain(secret.Title, await refused.Content.ReadAsStringAsync());
            Assert.Contains("Private: only its members", await ownerClient.GetStringAsync($"/j/{secret.Slug}"));
        }
        finally
        {
            await SaveSettingsAsync(admin, "Open", "AtOnce", "HSCT Journals", "");
        }
    }

    [Fact]
    public async Task A_test_message_goes_through_smtp_and_messages_that_gave_up_are_retried_or_discarded()
    {
        var admin = await AdminAsync();
        var page = await Forms.GetAsync(admin, "/admin/mail");
        Assert.Contains($"127.0.0.1, port {app.Mail.Port}", page.Html);
        var to = $"test-{Guid.NewGuid():N}"[..14] + "@tests.invalid";
        var sent = await page.PostAsync(admin, new() { ["TestTo"] = to }, "/admin/mail?handler=Test");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("accepted the test message", await admin.GetStringAsync("/admin/mail"));
        Assert.Contains("outgoing mail works", (await app.Mail.WaitForAsync(to, "Test message")).HtmlBody);
        var notAnAddress = await page.PostAsync(admin, new() { ["TestTo"] = "not an address" }, "/admin/mail?handler=Test");
        Assert.Contains("value=\"not an address\"", await notAnAddress.Content.ReadAsStringAsync());

        var commenter = $"commenter-{Guid.NewGuid():N}"[..18] + "@tests.invalid";
        var retryId = await GaveUpMessageAsync(commenter, "Retried message");
        var discardId = await GaveUpMessageAsync(commenter, "Discarded message");
        page = await Forms.GetAsync(admin, "/admin/mail");
        Assert.Contains($"Message {retryId}", page.Html);
        Assert.Contains("550 5.1.1 <[address]>: mailbox full", WebUtility.HtmlDecode(page.Html));
        Assert.DoesNotContain(commenter, page.Html);

        var retried = await page.PostAsync(admin, new() { ["MessageId"] = retryId.ToString() }, "/admin/mail?handler=Retry");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await app.Mail.WaitForAsync(commenter, "Retried message");
        var discarded = await page.PostAsync(admin, new() { ["MessageId"] = discardId.ToString() }, "/admin/mail?handler=Discard");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().OutboxMessages.AnyAsync(m => m.Id == discardId)));
        var again = await page.PostAsync(admin, new() { ["MessageId"] = discardId.ToString() }, "/admin/mail?handler=Retry");
        Assert.Contains("no longer waiting for a decision", await again.Content.ReadAsStringAsync());

        var audit = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("Outbox message retried", audit);
        Assert.Contains("Outbox message discarded", audit);
        Assert.Contains("Test mail sent", audit);
    }

    [Fact]
    public async Task An_admin_finds_locks_unlocks_and_promotes_people_but_never_removes_the_last_admin()
    {
        var admin = await AdminAsync();
        var person = await app.CreateUserAsync("Lockable " + Guid.NewGuid().ToString("N")[..6]);
        var personClient = await app.SignedInClientAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await personClient.GetAsync("/me")).StatusCode);

        var page = await Forms.GetAsync(admin, "/admin/people?q=" + Uri.EscapeDataString(person.DisplayName.ToLowerInvariant()));
        Assert.Contains(person.DisplayName, page.Html);
        Assert.Contains(person.Email!, page.Html);
        Assert.DoesNotContain(AppFactory.AdminEmail, page.Html);

        var locked = await page.PostAsync(admin, new() { ["UserId"] = person.Id }, "/admin/people?handler=Lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await personClient.GetAsync("/me")).StatusCode); // signed out everywhere
        Assert.False(await CanSignInAsync(person.Email!));
        Assert.Contains("Locked", await admin.GetStringAsync("/admin/people?q=" + Uri.EscapeDataString(person.DisplayName)));

        var unlocked = await page.PostAsync(admin, new() { ["UserId"] = person.Id }, "/admin/people?handler=Unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.True(await CanSignInAsync(person.Email!));

        var promoted = await page.PostAsync(admin, new() { ["UserId"] = person.Id }, "/admin/people?handler=MakeAdmin");
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(person)).GetAsync("/admin")).StatusCode);
        var demoted = await page.PostAsync(admin, new() { ["UserId"] = person.Id }, "/admin/people?handler=RemoveAdmin");
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(person)).GetAsync("/admin")).StatusCode);

        var adminId = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Users.Where(u => u.Email == AppFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        var last = await page.PostAsync(admin, new() { ["UserId"] = adminId }, "/admin/people?handler=RemoveAdmin");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("The site needs an admin", await last.Content.ReadAsStringAsync());
        var self = await page.PostAsync(admin, new() { ["UserId"] = adminId }, "/admin/people?handler=Lock");
        Assert.Contains("You cannot lock your own account", await self.Content.ReadAsStringAsync());

        var audit = await admin.GetStringAsync("/admin/audit");
        foreach (var action in new[] { "Account locked", "Account unlocked", "Made a site admin", "No longer a site admin" })
            Assert.Contains(action, audit);
    }

    [Fact]
    public async Task An_admin_deletes_an_account_after_confirming_as_self_deletion_would_but_never_their_own_or_the_last_admin()
    {
        var admin = await AdminAsync();
        var person = await app.CreateUserAsync("Deletable " + Guid.NewGuid().ToString("N")[..6]);
        var coAuthor = await app.CreateUserAsync("Keeps The Journal");
        var open = await app.CreateJournalAsync(person, JournalVisibility.Public, "Open journal " + Guid.NewGuid().ToString("N")[..6]);
        var secret = await app.CreateJournalAsync(person, JournalVisibility.Private, "Secret journal " + Guid.NewGuid().ToString("N")[..6]);
        await app.AddMemberAsync(open, coAuthor, JournalRole.CoAuthor);
        var post = await app.CreatePostAsync(open, person, "Written before deletion");
        var personClient = await app.SignedInClientAsync(person);
        // Like every admin page, a 404 to anyone else, for GET and POST.
        var notAdmin = await app.SignedInClientAsync(coAuthor);
        Assert.Equal(HttpStatusCode.NotFound, (await notAdmin.GetAsync($"/admin/people/delete?id={person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notAdmin.PostAsync($"/admin/people/delete?id={person.Id}", new FormUrlEncodedContent([]))).StatusCode);

        Assert.Contains($"/admin/people/delete?id={person.Id}", await admin.GetStringAsync("/admin/people?q=" + Uri.EscapeDataString(person.DisplayName)));
        var confirm = await Forms.GetAsync(admin, $"/admin/people/delete?id={person.Id}");
        var confirmText = WebUtility.HtmlDecode(confirm.Html);
        Assert.Contains($"“{open.Title}”", confirmText);
        Assert.Contains("Hand it to Keeps The Journal", confirmText);
        Assert.DoesNotContain(secret.Title, confirmText); // admins see only what a stranger could (decision 0004)
        Assert.Contains("not public, so not named here", confirmText);

        var choices = new Dictionary<string, string>
        {
            ["id"] = person.Id, [$"Journal-{open.Id}"] = $"hand:{coAuthor.Id}", [$"Journal-{secret.Id}"] = "delete", ["Comments"] = "KeepAsDeletedUser",
        };
        // Not confirmed: nothing happens, and the choices are kept.
        var unconfirmed = await confirm.PostAsync(admin, new(choices) { ["ConfirmEmail"] = "someone-else@tests.invalid" });
        var unconfirmedHtml = await unconfirmed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Type the person&#x27;s e-mail address exactly", unconfirmedHtml);
        Assert.Contains($"value=\"hand:{coAuthor.Id}\" checked=\"checked\"", unconfirmedHtml);
        Assert.True(await AccountExistsAsync(person.Email!));

        var deleted = await confirm.PostAsync(admin, new(choices) { ["ConfirmEmail"] = person.Email!.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/people", deleted.Headers.Location!.OriginalString);
        Assert.Contains("account is deleted", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/people")));
        Assert.False(await AccountExistsAsync(person.Email!));
        Assert.Equal(HttpStatusCode.Redirect, (await personClient.GetAsync("/me")).StatusCode);
        // The journals went as chosen, and the post that stays is signed "Deleted user", as self-deletion does it.
        var (openOwner, secretLeft, byline) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            return (await db.JournalMembers.Where(m => m.JournalId == open.Id && m.Role == JournalRole.Owner).Select(m => m.UserId).SingleAsync(),
                await db.Journals.AnyAsync(j => j.Id == secret.Id),
                await db.Posts.Where(p => p.Id == post.Id).Select(p => p.Byline).SingleAsync());
        });
        Assert.Equal(coAuthor.Id, openOwner);
        Assert.False(secretLeft);
        Assert.Equal("Deleted user", byline);
        var told = await app.Mail.WaitForAsync(person.Email!, "Your account was deleted");
        Assert.Contains("deleted your account", told.TextBody);
        Assert.Contains("Account deleted", await admin.GetStringAsync("/admin/audit"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/people/delete?id={person.Id}")).StatusCode);

        // Never their own account here, and the only admin never at all (not even by themself).
        var adminId = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Users.Where(u => u.Email == AppFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        var own = await Forms.GetAsync(admin, $"/admin/people/delete?id={adminId}");
        Assert.Contains("You cannot delete your own account here", WebUtility.HtmlDecode(own.Html));
        var refused = await own.PostAsync(admin, new() { ["id"] = adminId, ["ConfirmEmail"] = AppFactory.AdminEmail });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(await AccountExistsAsync(AppFactory.AdminEmail));
        var selfDelete = await Forms.GetAsync(admin, "/account/delete");
        var lastAdmin = await selfDelete.PostAsync(admin, new() { ["Password"] = AppFactory.Password, ["Understood"] = "true", ["Comments"] = "KeepAsDeletedUser" });
        Assert.Equal(HttpStatusCode.OK, lastAdmin.StatusCode);
        Assert.Contains("the site&#x27;s only admin account", await lastAdmin.Content.ReadAsStringAsync());
        Assert.True(await AccountExistsAsync(AppFactory.AdminEmail));
    }

    private Task<HttpClient> AdminAsync() => app.SignedInClientAsync(AppFactory.AdminEmail, AppFactory.Password);

    private static async Task SaveSettingsAsync(HttpClient admin, string registration, string newJournals, string name, string description)
    {
        var form = await Forms.GetAsync(admin, "/admin/settings");
        var saved = await form.PostAsync(admin, new()
        {
            ["Input.Registration"] = registration, ["Input.NewJournals"] = newJournals, ["Input.Name"] = name, ["Input.Description"] = description,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static Dictionary<string, string> RegisterFields(string email) => new()
    {
        ["Input.DisplayName"] = "Would Be", ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password, ["Input.ConfirmPassword"] = AppFactory.Password,
    };

    private Task<bool> AccountExistsAsync(string email) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    private async Task<bool> CanSignInAsync(string email)
    {
        var client = app.AnonymousClient();
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        var answer = await form.PostAsync(client, new() { ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password, ["Input.RememberMe"] = "false" });
        return answer.StatusCode == HttpStatusCode.Redirect && !answer.Headers.Location!.OriginalString.Contains("Lockout", StringComparison.Ordinal);
    }

    // A message as the sender leaves it after its last attempt, with an error that quotes the recipient.
    private Task<long> GaveUpMessageAsync(string to, string subject) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var max = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.MaxAttempts;
        var mail = new MailBody().Paragraph("Delivered at last.").To(to, null, subject, unsubscribeUrl: null);
        var message = new OutboxMessage
        {
            Type = Outbox.Mail, Payload = JsonSerializer.Serialize(mail), Attempts = max, CreatedAt = DateTime.UtcNow,
            NextAttemptAt = DateTime.UtcNow.AddDays(1), LastError = $"SmtpCommandException: 550 5.1.1 <{to}>: mailbox full",
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });
}

public sealed class SiteAdministrationTestsOnSqlite(MailingSqliteApp app) : SiteAdministrationTests(app), IClassFixture<MailingSqliteApp>;
public sealed class SiteAdministrationTestsOnPostgres(MailingPostgresApp app) : SiteAdministrationTests(app), IClassFixture<MailingPostgresApp>;
