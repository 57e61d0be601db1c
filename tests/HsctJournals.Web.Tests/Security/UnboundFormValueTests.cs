using System.Net;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Security;

/// <summary>
/// Decision 0023: forms keep their ModelState, so a value that does not bind (a role, a phase, a number, a
/// check box that is not true/false) is reported with the form as typed, never stored as the type's default
/// (which <c>ModelState.Clear()</c> used to allow), and a password is never written back.
/// </summary>
public abstract class UnboundFormValueTests(AppFactory app)
{
    [Fact]
    public async Task A_sign_in_whose_keep_me_signed_in_is_not_true_or_false_is_answered_beside_the_box_and_signs_nobody_in()
    {
        var user = await app.CreateUserAsync();
        var client = app.AnonymousClient();
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        var answer = await form.PostAsync(client, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password, ["Input.RememberMe"] = "forever" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Matches("id=\"Input_RememberMe-error\">[^<]*forever", html);
        Assert.Contains($"value=\"{user.Email}\"", html);
        Assert.DoesNotContain(AppFactory.Password, html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task A_member_added_with_a_role_that_is_not_one_is_not_added_as_an_approved_reader()
    {
        var owner = await app.CreateUserAsync();
        var friend = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = await app.SignedInClientAsync(owner);
        var url = $"/j/{journal.Slug}/members";

        var answer = await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["Email"] = friend.Email!, ["Role"] = "Emperor" }, url + "?handler=Add");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Contains("Choose co-author, moderator or approved reader.", html);
        Assert.Contains($"value=\"{friend.Email}\"", html);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().JournalMembers
            .AnyAsync(m => m.JournalId == journal.Id && m.UserId == friend.Id)));
    }

    [Fact]
    public async Task The_course_editor_reports_a_first_day_and_a_drug_purpose_that_do_not_bind_and_keeps_what_was_typed()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = await app.SignedInClientAsync(owner);
        var url = $"/j/{journal.Slug}/treatment/edit";

        var course = await (await Forms.GetAsync(client, url)).PostAsync(client,
            new() { ["Input.Condition"] = "RRMS", ["Input.ProtocolFirstDay"] = "minus two" }, url + "?handler=Course");
        Assert.Equal(HttpStatusCode.OK, course.StatusCode);
        var html = WebUtility.HtmlDecode(await course.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Input_ProtocolFirstDay-error\">Enter a whole number, e.g. 1 or -2.", html);
        Assert.Contains("value=\"minus two\"", html);
        Assert.Contains("value=\"RRMS\"", html);

        var drug = await (await Forms.GetAsync(client, url)).PostAsync(client,
            new() { ["Drug.Purpose"] = "Vitamins", ["Drug.GenericName"] = "cyclophosphamide", ["Drug.Basis"] = "PerKg" }, url + "?handler=Drug");
        Assert.Equal(HttpStatusCode.OK, drug.StatusCode);
        html = WebUtility.HtmlDecode(await drug.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Drug_Purpose-error\">Choose what the drug was given for from the list.", html);
        Assert.Contains("value=\"cyclophosphamide\"", html);
        Assert.Contains("<option value=\"PerKg\" selected=\"selected\">", html);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var courses = db.TreatmentCourses.Where(c => c.JournalId == journal.Id);
            Assert.False(await courses.AnyAsync(c => c.Condition == "RRMS"));
            Assert.False(await db.DrugLines.AnyAsync(d => courses.Any(c => c.Id == d.CourseId)));
        });
    }

    [Fact]
    public async Task An_account_deletion_whose_comments_choice_is_not_one_deletes_nothing()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(user);
        var answer = await (await Forms.GetAsync(client, "/account/delete")).PostAsync(client,
            new() { ["Comments"] = "Forget", ["Password"] = AppFactory.Password, ["Understood"] = "true" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Comments-error\">Choose what happens to your comments.", html);
        Assert.DoesNotContain(AppFactory.Password, html);
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Users.AnyAsync(u => u.Id == user.Id)));
    }
}

public sealed class UnboundFormValueTestsOnSqlite(SqliteApp app) : UnboundFormValueTests(app), IClassFixture<SqliteApp>;
public sealed class UnboundFormValueTestsOnPostgres(PostgresApp app) : UnboundFormValueTests(app), IClassFixture<PostgresApp>;
