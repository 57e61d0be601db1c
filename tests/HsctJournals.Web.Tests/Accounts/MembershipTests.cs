using System.Net;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Accounts;

/// <summary>Members, requests to read and invitations, through the real pages and real SMTP.</summary>
public abstract class MembershipTests(MailingApp app)
{
    [Fact]
    public async Task A_stranger_asks_the_owner_approves_the_stranger_reads_and_removal_hides_it_again()
    {
        var owner = await app.CreateUserAsync("Olga Owner");
        var stranger = await app.CreateUserAsync("Sam Stranger");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        await app.CreatePostAsync(journal, owner, "Fifth day news");
        var strangerClient = await app.SignedInClientAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/j/{journal.Slug}")).StatusCode);

        var ask = await Forms.GetAsync(strangerClient, $"/j/{journal.Slug}/request-access");
        var asked = await ask.PostAsync(strangerClient, new() { ["Message"] = "I'm your cousin from Leeds." });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        // Asking twice while the first request waits does not make a second one.
        await ask.PostAsync(strangerClient, new() { ["Message"] = "Again" });
        Assert.Equal(1, await CountRequestsAsync(journal.Id));

        var told = app.Mail.Single(owner.Email!, "Request to read");
        Assert.Contains("Sam Stranger", told.HtmlBody);
        Assert.Contains("cousin from Leeds", told.HtmlBody);
        Assert.DoesNotContain(stranger.Email!, told.HtmlBody);

        var ownerClient = await app.SignedInClientAsync(owner);
        var members = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/members");
        Assert.Contains("Sam Stranger", members.Html);
        Assert.Contains("I&#x27;m your cousin from Leeds.", members.Html);
        var requestId = Html.FirstValue(members.Html, "requestId");
        var approved = await members.PostAsync(ownerClient, new() { ["requestId"] = requestId }, $"/j/{journal.Slug}/members?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("Sam Stranger can now read the journal", await ownerClient.GetStringAsync($"/j/{journal.Slug}/members"));

        var welcome = app.Mail.Single(stranger.Email!, "You can now read");
        Assert.Contains($"/j/{journal.Slug}", welcome.HtmlBody);
        Assert.DoesNotContain(owner.Email!, welcome.HtmlBody);
        var home = await strangerClient.GetStringAsync($"/j/{journal.Slug}");
        Assert.Contains("Fifth day news", home);

        var removed = await members.PostAsync(ownerClient, new() { ["userId"] = stranger.Id }, $"/j/{journal.Slug}/members?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/j/{journal.Slug}")).StatusCode);
    }

    [Fact]
    public async Task The_request_page_looks_the_same_for_a_private_journal_and_one_that_does_not_exist()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());
        var missing = "no-such-journal-" + Guid.NewGuid().ToString("N")[..6];

        var privateForm = await Forms.GetAsync(client, $"/j/{journal.Slug}/request-access");
        var missingForm = await Forms.GetAsync(client, $"/j/{missing}/request-access");
        Assert.Equal(Html.WithoutTokens(missingForm.Html).Replace(missing, "SLUG"), Html.WithoutTokens(privateForm.Html).Replace(journal.Slug, "SLUG"));
        Assert.DoesNotContain(journal.Title, privateForm.Html);

        var privateAnswer = await privateForm.PostAsync(client, new() { ["Message"] = "Hello" });
        var missingAnswer = await missingForm.PostAsync(client, new() { ["Message"] = "Hello" });
        Assert.Equal(HttpStatusCode.Redirect, privateAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, missingAnswer.StatusCode);
        var privateDone = await client.GetStringAsync(privateAnswer.Headers.Location!.OriginalString);
        var missingDone = await client.GetStringAsync(missingAnswer.Headers.Location!.OriginalString);
        Assert.Equal(Html.WithoutTokens(missingDone), Html.WithoutTokens(privateDone));
        Assert.Contains("If this journal exists and accepts requests, its owner has been told", privateDone);
        Assert.Equal(0, await CountRequestsAsync(journal.Id));
        Assert.Empty(app.Mail.To(owner.Email!));
    }

    [Fact]
    public async Task Only_owners_see_the_members_page_and_only_there_are_addresses_shown()
    {
        var owner = await app.CreateUserAsync("Owner Person");
        var coAuthor = await app.CreateUserAsync("Co Author");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(coAuthor)).GetAsync($"/j/{journal.Slug}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(await app.CreateUserAsync())).GetAsync($"/j/{journal.Slug}/members")).StatusCode);
        var page = await (await app.SignedInClientAsync(owner)).GetStringAsync($"/j/{journal.Slug}/members");
        Assert.Contains(coAuthor.Email!, page);
        Assert.DoesNotContain(coAuthor.Email!, await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}"));
    }

    [Fact]
    public async Task The_owner_adds_changes_and_removes_members_but_never_the_last_owner()
    {
        var owner = await app.CreateUserAsync("The Owner");
        var friend = await app.CreateUserAsync("Good Friend");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/members");
        var url = $"/j/{journal.Slug}/members";

        var added = await page.PostAsync(client, new() { ["Email"] = friend.Email!.ToUpperInvariant(), ["Role"] = "CoAuthor" }, url + "?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Good Friend is now a co-author.", await client.GetStringAsync(url));
        Assert.Equal(JournalRole.CoAuthor, await RoleAsync(journal.Id, friend.Id));

        var unknown = await page.PostAsync(client, new() { ["Email"] = "nobody-here@tests.invalid", ["Role"] = "ApprovedReader" }, url + "?handler=Add");
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("No account uses nobody-here@tests.invalid", html);
        Assert.Contains("value=\"nobody-here@tests.invalid\"", html);
        Assert.Contains("Send an invitation instead", html);

        var lastOwner = await page.PostAsync(client, new() { ["userId"] = owner.Id }, url + "?handler=Remove");
        Assert.Equal(HttpStatusCode.OK, lastOwner.StatusCode);
        Assert.Contains("A journal needs an owner", await lastOwner.Content.ReadAsStringAsync());
        var demote = await page.PostAsync(client, new() { ["userId"] = owner.Id, ["newRole"] = "CoAuthor" }, url + "?handler=Role");
        Assert.Contains("A journal needs an owner", await demote.Content.ReadAsStringAsync());
        Assert.Equal(JournalRole.Owner, await RoleAsync(journal.Id, owner.Id));

        var nonsense = await page.PostAsync(client, new() { ["userId"] = friend.Id, ["newRole"] = "Emperor" }, url + "?handler=Role");
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
        Assert.Contains("Choose a role.", await nonsense.Content.ReadAsStringAsync());

        var changed = await page.PostAsync(client, new() { ["userId"] = friend.Id, ["newRole"] = "ApprovedReader" }, url + "?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(JournalRole.ApprovedReader, await RoleAsync(journal.Id, friend.Id));
        var removed = await page.PostAsync(client, new() { ["userId"] = friend.Id }, url + "?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await RoleAsync(journal.Id, friend.Id));
    }

    [Fact]
    public async Task An_invitation_link_brings_a_new_person_through_registration_into_the_journal_once()
    {
        var owner = await app.CreateUserAsync("Inviting Owner");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders, "Ivy's recovery");
        await app.CreatePostAsync(journal, owner, "Engraftment day");
        var ownerClient = await app.SignedInClientAsync(owner);
        var members = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/members");
        var address = $"invitee-{Guid.NewGuid():N}"[..16] + "@tests.invalid";

        var invited = await members.PostAsync(ownerClient, new() { ["Email"] = address, ["Role"] = "ApprovedReader" }, $"/j/{journal.Slug}/members?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains(address, await ownerClient.GetStringAsync($"/j/{journal.Slug}/members"));
        var message = app.Mail.Single(address, "Invitation");
        Assert.DoesNotContain(owner.Email!, message.HtmlBody);
        var link = Html.LinkIn(message, "/invitations/");

        // Not signed in: asked to sign in or register, and sent back here afterwards.
        var visitor = app.AnonymousClient();
        var prompt = await visitor.GetStringAsync(link);
        Assert.Contains("Ivy&#x27;s recovery", prompt);
        var back = Uri.EscapeDataString(link);
        Assert.Contains($"/Identity/Account/Register?returnUrl={back}", prompt);
        // Registration ends on "check your e-mail"; the confirmed address then signs in and comes back here.
        var signedIn = await app.RegisterConfirmAndSignInAsync(visitor, "Invited Ivan", address, link);
        Assert.Equal(link, signedIn.Headers.Location!.OriginalString);

        var accept = await Forms.GetAsync(visitor, link);
        Assert.Contains("Accept the invitation", accept.Html);
        var accepted = await accept.PostAsync(visitor, []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/j/{journal.Slug}", accepted.Headers.Location!.OriginalString);
        Assert.Contains("Engraftment day", await visitor.GetStringAsync($"/j/{journal.Slug}"));

        var reused = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        Assert.Contains("This invitation link does not work", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_or_unknown_invitation_link_leads_nowhere()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var ownerClient = await app.SignedInClientAsync(owner);
        var members = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/members");
        var address = $"revoked-{Guid.NewGuid():N}"[..16] + "@tests.invalid";
        await members.PostAsync(ownerClient, new() { ["Email"] = address, ["Role"] = "CoAuthor" }, $"/j/{journal.Slug}/members?handler=Invite");
        var link = Html.LinkIn(app.Mail.Single(address, "Invitation"), "/invitations/");

        var page = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/members");
        var revoked = await page.PostAsync(ownerClient, new() { ["invitationId"] = Html.FirstValue(page.Html, "invitationId") }, $"/j/{journal.Slug}/members?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var someone = await app.SignedInClientAsync(await app.CreateUserAsync());
        foreach (var url in new[] { link, "/invitations/inv_made-up" })
        {
            var response = await someone.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("This invitation link does not work", html);
            Assert.DoesNotContain(journal.Title, html);
        }
    }

    private Task<int> CountRequestsAsync(int journalId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().AccessRequests.CountAsync(r => r.JournalId == journalId));

    private Task<JournalRole?> RoleAsync(int journalId, string userId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().JournalMembers.Where(m => m.JournalId == journalId && m.UserId == userId)
            .Select(m => (JournalRole?)m.Role).FirstOrDefaultAsync());
}

public sealed class MembershipTestsOnSqlite(MailingSqliteApp app) : MembershipTests(app), IClassFixture<MailingSqliteApp>;
public sealed class MembershipTestsOnPostgres(MailingPostgresApp app) : MembershipTests(app), IClassFixture<MailingPostgresApp>;
