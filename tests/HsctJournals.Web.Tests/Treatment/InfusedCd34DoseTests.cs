using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Issue 9 item 3: the CD34+ dose infused (× 10⁶/kg, domain/hsct.md §4) is stored on the course through the form and
/// the API, read with a decimal comma like lab values (§6), refused with a clear message when implausible, and shown
/// beside the harvest total for the transplant team. (FHIR and backup: FhirExportTests, BackupRestoreTests.)
/// </summary>
public abstract class InfusedCd34DoseTests(AppFactory app)
{
    private Task<decimal?> StoredAsync(Journal journal) =>
        app.DbAsync(db => db.TreatmentCourses.Where(c => c.JournalId == journal.Id).Select(c => c.InfusedCd34PerKg).SingleAsync());

    [Fact]
    public async Task The_form_stores_a_dose_with_a_decimal_comma_and_keeps_what_was_typed_when_it_is_refused()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        var client = await app.SignedInClientAsync(owner);
        var url = $"/j/{journal.Slug}/treatment/edit";
        Dictionary<string, string> Fields(string dose) => new() { ["Input.Condition"] = "RRMS", ["Input.Centre"] = "Test Centre", ["Input.DayZero"] = TreatmentData.Day(0), ["Input.InfusedCd34PerKg"] = dose };

        foreach (var (typed, message) in new[]
        {
            ("5800000", "The CD34+ dose infused is entered in millions of cells per kg (× 10⁶/kg). 5\u202F800\u202F000 cells/kg would be 5.8 × 10⁶/kg: type 5.8."),
            ("580", "The CD34+ dose infused of 580 × 10⁶/kg is more than any harvest gives"),
            ("0", "The CD34+ dose infused is a number above 0"),
            ("five", "The CD34+ dose infused \"five\" is not a number. Type it in millions per kg, e.g. 5.8 or 5,8."),
        })
        {
            var refused = await (await Forms.GetAsync(client, url)).PostAsync(client, Fields(typed), url + "?handler=Course");
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, html);
            Assert.Contains($"value=\"{typed}\"", html);
            Assert.Contains("value=\"Test Centre\"", html);
            Assert.Null(await StoredAsync(journal));
        }

        var saved = await (await Forms.GetAsync(client, url)).PostAsync(client, Fields(" 5,8 "), url + "?handler=Course");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(5.8m, await StoredAsync(journal));
        Assert.Contains("value=\"5.8\"", await client.GetStringAsync(url));

        // Beside the harvest total, on the owner's summary and the clinician page.
        var harvest = await app.WithScopeAsync(async sp =>
        {
            var owned = (await sp.GetRequiredService<TreatmentAccess>().FindOwnedAsync(journal.Slug, new Reader(owner.Id, false), create: false, CancellationToken.None))!.Value.Course!;
            return await sp.GetRequiredService<EventRecorder>().AddEventAsync(owned, new EventInput { Date = TreatmentData.Day(-20), Type = TreatmentEventType.Harvest, Value = "6,1" }, CancellationToken.None);
        });
        Assert.True(harvest.Succeeded);
        var token = await app.ClinicianLinkAsync(course.Id);
        foreach (var page in new[] { await client.GetStringAsync($"/j/{journal.Slug}/treatment/summary"), await app.AnonymousClient().GetStringAsync($"/clinician/{token}") })
            Assert.Contains("<dt>CD34+ cells</dt><dd>6.1 × 10⁶/kg collected in 1 harvest session; 5.8 × 10⁶/kg infused.</dd>", WebUtility.HtmlDecode(page));

        // Emptying the field removes the dose.
        Assert.Equal(HttpStatusCode.Redirect, (await (await Forms.GetAsync(client, url)).PostAsync(client, Fields(""), url + "?handler=Course")).StatusCode);
        Assert.Null(await StoredAsync(journal));
        Assert.Contains("6.1 × 10⁶/kg collected in 1 harvest session; dose infused not recorded.", WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{journal.Slug}/treatment/summary")));
    }

    [Fact]
    public async Task The_api_takes_the_dose_as_typed_returns_it_as_a_number_and_names_the_field_when_it_is_refused()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var url = $"/api/v1/journals/{journal.Slug}/treatment";

        var course = await (await api.PutAsJsonAsync(url, new { condition = "RRMS", dayZero = TreatmentData.Day(0), infusedCd34PerKg = "4,75" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(4.75m, course.GetProperty("infusedCd34PerKg").GetDecimal());
        Assert.Equal(4.75m, (await (await api.GetAsync(url)).JsonAsync(HttpStatusCode.OK)).GetProperty("infusedCd34PerKg").GetDecimal());

        var refused = await (await api.PutAsJsonAsync(url, new { condition = "RRMS", dayZero = TreatmentData.Day(0), infusedCd34PerKg = "120" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("more than any harvest gives", refused.GetProperty("errors").GetProperty("infusedCd34PerKg")[0].GetString());
        Assert.Equal(4.75m, await StoredAsync(journal));

        // PUT replaces every field: leaving the dose out clears it.
        var cleared = await (await api.PutAsJsonAsync(url, new { condition = "RRMS", dayZero = TreatmentData.Day(0) })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("infusedCd34PerKg").ValueKind);
    }
}

public sealed class InfusedCd34DoseTestsOnSqlite(SqliteApp app) : InfusedCd34DoseTests(app), IClassFixture<SqliteApp>;
public sealed class InfusedCd34DoseTestsOnPostgres(PostgresApp app) : InfusedCd34DoseTests(app), IClassFixture<PostgresApp>;
