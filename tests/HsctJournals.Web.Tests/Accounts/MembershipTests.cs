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
        var requestId = Html.FirstValue(members.Html, "RequestId");
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
        var revoked = await page.PostAsync(ownerClient, new() { ["invitationId"] = Html.FirstValue(page.Html, "InvitationId") }, $"/j/{journal.Slug}/members?handler=Revoke");
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

    [Fact]
    public async Task A_moderator_is_given_on_the_people_page_reads_and_moderates_but_does_not_write_and_can_be_taken_back()
    {
        var owner = await app.CreateUserAsync("Mo Owner");
        var helper = await app.CreateUserAsync("Helpful Moderator");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = await app.SignedInClientAsync(owner);
        var url = $"/j/{journal.Slug}/members";
        var page = await Forms.GetAsync(client, url);
        Assert.Contains("value=\"Moderator\"", page.Html);

        var added = await page.PostAsync(client, new() { ["Email"] = helper.Email!, ["Role"] = "Moderator" }, url + "?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Helpful Moderator is now a moderator.", await client.GetStringAsync(url));
        Assert.Equal(JournalRole.Moderator, await RoleAsync(journal.Id, helper.Id));

        var helperClient = await app.SignedInClientAsync(helper);
        Assert.Equal(HttpStatusCode.OK, (await helperClient.GetAsync($"/j/{journal.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helperClient.GetAsync($"/j/{journal.Slug}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await helperClient.GetAsync($"/j/{journal.Slug}/write")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await helperClient.GetAsync(url)).StatusCode);

        // Taken back to approved reader: the moderation screen is gone (404 like any page one may not use).
        var changed = await page.PostAsync(client, new() { ["UserId"] = helper.Id, ["NewRole"] = "ApprovedReader" }, url + "?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await helperClient.GetAsync($"/j/{journal.Slug}/comments")).StatusCode);
        var back = await page.PostAsync(client, new() { ["UserId"] = helper.Id, ["NewRole"] = "Moderator" }, url + "?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(JournalRole.Moderator, await RoleAsync(journal.Id, helper.Id));
    }

    [Fact]
    public async Task Of_two_owners_one_may_step_down_on_their_own_row_but_the_last_owner_never()
    {
        var first = await app.CreateUserAsync("First Owner");
        var second = await app.CreateUserAsync("Second Owner");
        var journal = await app.CreateJournalAsync(first, JournalVisibility.Public);
        await app.AddMemberAsync(journal, second, JournalRole.Owner);
        var url = $"/j/{journal.Slug}/members";
        var firstClient = await app.SignedInClientAsync(first);
        var page = await Forms.GetAsync(firstClient, url);
        Assert.DoesNotContain("the only one", page.Html);

        // The first owner demotes themself on their own row: allowed, there is another owner.
        var stepped = await page.PostAsync(firstClient, new() { ["UserId"] = first.Id, ["NewRole"] = "CoAuthor" }, url + "?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, stepped.StatusCode);
        Assert.Equal(JournalRole.CoAuthor, await RoleAsync(journal.Id, first.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync(url)).StatusCode);

        // The second is now the last owner: their own row offers no remove or role change, and posting one anyway is refused.
        var secondClient = await app.SignedInClientAsync(second);
        var own = await Forms.GetAsync(secondClient, url);
        Assert.Contains("the only one", own.Html);
        Assert.DoesNotContain($"value=\"{second.Id}\"", own.Html);
        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
                 {
                     ("Remove", new() { ["UserId"] = second.Id }),
                     ("Role", new() { ["UserId"] = second.Id, ["NewRole"] = "Moderator" }),
                     ("Role", new() { ["UserId"] = second.Id, ["NewRole"] = "ApprovedReader" }),
                 })
        {
            var refused = await own.PostAsync(secondClient, fields, $"{url}?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("A journal needs an owner", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(JournalRole.Owner, await RoleAsync(journal.Id, second.Id));

        // Promoting the co-author back to owner lets the second owner leave.
        var promoted = await own.PostAsync(secondClient, new() { ["UserId"] = first.Id, ["NewRole"] = "Owner" }, url + "?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        var left = await own.PostAsync(secondClient, new() { ["UserId"] = second.Id }, url + "?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Null(await RoleAsync(journal.Id, second.Id));
        Assert.Equal(JournalRole.Owner, await RoleAsync(journal.Id, first.Id));
    }

    private Task<int> CountRequestsAsync(int journalId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().AccessRequests.CountAsync(r => r.JournalId == journalId));

    private Task<JournalRole?> RoleAsync(int journalId, string userId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().JournalMembers.Where(m => m.JournalId == journalId && m.UserId == userId)
            .Select(m => (JournalRole?)m.Role).FirstOrDefaultAsync());

    [Fact]
    public async Task Two_owners_demoting_each_other_at_the_same_moment_leave_exactly_one_owner()
    {
        var first = await app.CreateUserAsync("First Owner");
        var second = await app.CreateUserAsync("Second Owner");
        var journal = await app.CreateJournalAsync(first, JournalVisibility.Private);
        await app.AddMemberAsync(journal, second, JournalRole.Owner);
        for (var round = 0; round < 10; round++)
        {
            // Each demotion runs in its own scope (its own connection and transaction), released together.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<HsctJournals.Web.Accounts.MembershipResult> Demote(string userId) => app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<JournalsDbContext>();
                var here = await db.Journals.SingleAsync(j => j.Id == journal.Id);
                await go.Task;
                return await sp.GetRequiredService<HsctJournals.Web.Accounts.JournalMembership>().ChangeRoleAsync(here, userId, JournalRole.CoAuthor);
            });
            var demotions = new[] { Demote(first.Id), Demote(second.Id) };
            go.SetResult();
            var results = await Task.WhenAll(demotions);

            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.Contains(results, r => !r.Succeeded && r.Message == HsctJournals.Domain.Accounts.OwnerRule.Refusal);
            var owners = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().JournalMembers
                .CountAsync(m => m.JournalId == journal.Id && m.Role == JournalRole.Owner));
            Assert.Equal(1, owners);
            await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().JournalMembers.Where(m => m.JournalId == journal.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, JournalRole.Owner)));
        }
    }
}

public sealed class MembershipTestsOnSqlite(MailingSqliteApp app) : MembershipTests(app), IClassFixture<MailingSqliteApp>;
public sealed class MembershipTestsOnPostgres(MailingPostgresApp app) : MembershipTests(app), IClassFixture<MailingPostgresApp>;
