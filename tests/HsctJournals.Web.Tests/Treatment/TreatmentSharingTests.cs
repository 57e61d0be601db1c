using System.Net;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// The treatment sharing rule as a table (domain/hsct.md §11): who × sharing setting × every
/// surface that shows treatment data (overview page, chart, CSV export, API course, API
/// milestones). Without rights every surface answers 404, as for a journal without a course.
/// </summary>
public abstract class TreatmentSharingTests(AppFactory app)
{
    public enum Who { Anonymous, SignedInReader, ApprovedReader, Owner }

    public static TheoryData<TreatmentSharing, Who> Cases()
    {
        var data = new TheoryData<TreatmentSharing, Who>();
        foreach (var sharing in Enum.GetValues<TreatmentSharing>())
            foreach (var who in Enum.GetValues<Who>()) data.Add(sharing, who);
        return data;
    }

    /// <summary>The rule written out independently of TreatmentAccess, for a public journal.</summary>
    private static bool MaySee(TreatmentSharing sharing, Who who) => who == Who.Owner || sharing switch
    {
        TreatmentSharing.JournalReaders => true,
        TreatmentSharing.ApprovedReadersOnly => who == Who.ApprovedReader,
        _ => false,
    };

    /// <summary>
    /// A treatment word standing on its own. A bare substring check once failed on CI because the
    /// signed-in page's antiforgery token happened to contain "ANC"; a word bounded by characters
    /// that never occur in base64 or base64url cannot be part of a token.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex TreatmentWords =
        new(@"(?<![A-Za-z0-9+/=_-])(ANC|Neutrophil|Platelet|engraftment)(?![A-Za-z0-9+/=_-])");

    private static string[] Surfaces(string slug) =>
    [
        $"/j/{slug}/treatment", $"/j/{slug}/treatment/summary", $"/j/{slug}/treatment/charts/neutrophils.svg",
        $"/j/{slug}/treatment/export/labs.csv", $"/j/{slug}/treatment/export/events.csv",
    ];

    [Theory, MemberData(nameof(Cases))]
    public async Task Treatment_data_is_shown_only_under_the_sharing_rule_even_in_a_public_journal(TreatmentSharing sharing, Who who)
    {
        var owner = await app.CreateUserAsync();
        var approved = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.AddMemberAsync(journal, approved, JournalRole.ApprovedReader);
        await app.CreateCourseAsync(journal, owner, sharing);
        var user = who switch { Who.Owner => owner, Who.ApprovedReader => approved, Who.SignedInReader => reader, _ => null };
        var client = user is null ? app.AnonymousClient() : await app.SignedInClientAsync(user);
        var api = app.ApiClient(user is null ? null : await app.TokenForAsync(user));
        var expected = MaySee(sharing, who) ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        foreach (var path in Surfaces(journal.Slug))
        {
            var response = await client.GetAsync(path);
            Assert.True(expected == response.StatusCode, $"{who} / {sharing}: {path} answered {(int)response.StatusCode}");
            if (expected == HttpStatusCode.NotFound)
                Assert.DoesNotMatch(TreatmentWords, await response.Content.ReadAsStringAsync());
        }
        foreach (var path in new[] { $"/api/v1/journals/{journal.Slug}/treatment", $"/api/v1/journals/{journal.Slug}/treatment/milestones" })
        {
            var response = await api.GetAsync(path);
            Assert.True(expected == response.StatusCode, $"{who} / {sharing}: API {path} answered {(int)response.StatusCode}");
        }
        // The journal itself stays readable to everyone, and never hints at the treatment record.
        var home = await client.GetStringAsync($"/j/{journal.Slug}");
        if (MaySee(sharing, who)) Assert.Contains($"/j/{journal.Slug}/treatment", home);
        else Assert.DoesNotContain("/treatment", home);
    }

    [Fact]
    public async Task Journal_readers_sharing_never_opens_a_journal_the_reader_cannot_read()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.JournalReaders);
        var client = await app.SignedInClientAsync(stranger);
        foreach (var path in Surfaces(journal.Slug))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        var api = app.ApiClient(await app.TokenForAsync(stranger));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/journals/{journal.Slug}/treatment/milestones")).StatusCode);
    }

    [Fact]
    public async Task A_clinician_link_shows_a_noindex_summary_logs_each_visit_and_stops_when_revoked()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        var token = await app.ClinicianLinkAsync(course.Id);
        var clinician = app.AnonymousClient();

        var page = await clinician.GetAsync($"/clinician/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("noindex", html);
        Assert.Contains("<strong>Day +9</strong> <span>(2026-03-19)</span> — Neutrophil engraftment (computed", html);
        Assert.Equal("noindex, nofollow", page.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync($"/clinician/{token}/charts/neutrophils.svg")).StatusCode);
        await clinician.GetAsync($"/clinician/{token}");

        // The owner sees both visits on the sharing page.
        var ownerClient = await app.SignedInClientAsync(owner);
        var sharing = await ownerClient.GetStringAsync($"/j/{journal.Slug}/treatment/sharing");
        Assert.Contains("Opened 2 time(s)", sharing);

        var linkId = await app.WithScopeAsync(sp => sp.GetRequiredService<Web.Data.JournalsDbContext>().ClinicianLinks.Where(l => l.CourseId == course.Id).Select(l => l.Id).SingleAsync());
        var form = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/treatment/sharing");
        var revoke = await form.PostAsync(ownerClient, [], $"/j/{journal.Slug}/treatment/sharing?handler=Revoke&id={linkId}");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/clinician/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/clinician/{token}/charts/neutrophils.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync("/clinician/not-a-real-token")).StatusCode);
    }

    [Fact]
    public async Task Readers_who_may_see_cannot_change_and_non_owners_get_403_or_404_from_the_api()
    {
        var owner = await app.CreateUserAsync();
        var approved = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.AddMemberAsync(journal, approved, JournalRole.ApprovedReader);
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.ApprovedReadersOnly);
        var body = new StringContent("date,analyte,value,unit\n2026-03-20,ANC,1.0,10^9/L", System.Text.Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(await app.TokenForAsync(approved)).PostAsync($"/api/v1/journals/{journal.Slug}/treatment/labs", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(await app.TokenForAsync(stranger)).PostAsync($"/api/v1/journals/{journal.Slug}/treatment/labs", body)).StatusCode);
        var approvedClient = await app.SignedInClientAsync(approved);
        Assert.Equal(HttpStatusCode.NotFound, (await approvedClient.GetAsync($"/j/{journal.Slug}/treatment/labs")).StatusCode);
    }
}

public sealed class TreatmentSharingTestsOnSqlite(SqliteApp app) : TreatmentSharingTests(app), IClassFixture<SqliteApp>;
public sealed class TreatmentSharingTestsOnPostgres(PostgresApp app) : TreatmentSharingTests(app), IClassFixture<PostgresApp>;
