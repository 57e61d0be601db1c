using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>Lab entry by domain/hsct.md §6: separators, round trip, corrections, the owner's date, °F fevers.</summary>
public abstract partial class LabEntryTests(AppFactory app)
{
    private async Task<(Journal Journal, HttpClient Client, Web.Shared.AppUser Owner, TreatmentCourse Course)> OwnerAsync(string csv = "date,analyte,value,unit\n")
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly, csv);
        return (journal, await app.SignedInClientAsync(owner), owner, course);
    }

    private Task<List<LabResult>> LabsAsync(int courseId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().LabResults.AsNoTracking().Where(l => l.CourseId == courseId).OrderBy(l => l.Id).ToListAsync());

    [Fact]
    public async Task An_import_leaves_what_the_caller_tracked_in_the_same_scope_tracked()
    {
        var (_, _, _, course) = await OwnerAsync();
        var centre = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var tracked = await db.TreatmentCourses.SingleAsync(c => c.Id == course.Id);
            tracked.Centre = "Edited before the import";
            var report = await sp.GetRequiredService<LabImporter>().ImportCsvAsync(course.Id, new StringReader(TreatmentData.EngraftingCsv()), false, CancellationToken.None);
            Assert.Equal(11, report.Imported);
            // The import let go of its own rows only: the course is still tracked and its edit is saved.
            Assert.NotEqual(EntityState.Detached, db.Entry(tracked).State);
            Assert.DoesNotContain(db.ChangeTracker.Entries<LabResult>(), e => e.State != EntityState.Detached);
            await db.SaveChangesAsync();
            return await sp.GetRequiredService<JournalsDbContext>().TreatmentCourses.AsNoTracking().Where(c => c.Id == course.Id).Select(c => c.Centre).SingleAsync();
        });
        Assert.Equal("Edited before the import", centre);
        Assert.Equal(11, (await LabsAsync(course.Id)).Count);
    }

    [Fact]
    public async Task The_exported_labs_csv_imports_again_unchanged_into_another_course_and_as_duplicates_into_its_own()
    {
        const string csv = "date,time,analyte,value,unit,reference_low,reference_high,note\n"
            + "2026-03-11,07:00,ANC,0.4,10^9/L,2,7.5,\n"
            + "2026-03-11,07:00,WBC,1200,cells/µL,4,11,\"after bag, \"\"pooled\"\"\"\n"
            + "2026-03-11,,Hb,5.1,mmol/L,,,=SUM(A1)\n"
            + "2026-03-12,18:30,Platelets,14,K/µL,150,450,-drop\n"
            + "2026-03-12,,Neutrophils %,62.5,%,,,\n"
            + "2026-03-09,,CD34 (blood),21,/mm3,,,Day -1\n";
        var (journal, client, _, course) = await OwnerAsync(csv);
        var export = await client.GetStringAsync($"/j/{journal.Slug}/treatment/export/labs.csv");
        Assert.Contains(",'=SUM(A1),", export); // the spreadsheet-formula guard is there

        // Into another course (same Day 0): every row imports, and its export is the same file.
        var (other, otherClient, _, otherCourse) = await OwnerAsync();
        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<LabImporter>().ImportCsvAsync(otherCourse.Id, new StringReader(export), false, CancellationToken.None));
        Assert.True(report.Errors == 0 && report.Questions == 0 && report.Imported == 6, report.Summary + " " + string.Join(" | ", report.Rows.Select(r => r.Message)));
        Assert.Equal(export, await otherClient.GetStringAsync($"/j/{other.Slug}/treatment/export/labs.csv"));
        var (mine, theirs) = ((await LabsAsync(course.Id)).OrderBy(l => l.NaturalKey, StringComparer.Ordinal), (await LabsAsync(otherCourse.Id)).OrderBy(l => l.NaturalKey, StringComparer.Ordinal));
        Assert.Equal(mine.Select(l => (l.Date, l.Time, l.Analyte, l.OriginalValue, l.OriginalUnit, l.Value, l.ReferenceLow, l.ReferenceHigh, l.Note, l.NaturalKey)),
            theirs.Select(l => (l.Date, l.Time, l.Analyte, l.OriginalValue, l.OriginalUnit, l.Value, l.ReferenceLow, l.ReferenceHigh, l.Note, l.NaturalKey)));
        Assert.Equal("=SUM(A1)", theirs.Single(l => l.Analyte == Domain.Treatment.LabAnalyte.Haemoglobin).Note);

        // Into its own course: nothing changes.
        var again = await app.WithScopeAsync(sp => sp.GetRequiredService<LabImporter>().ImportCsvAsync(course.Id, new StringReader(export), false, CancellationToken.None));
        Assert.Equal((0, 6), (again.Imported, again.Duplicates));

        // The export's extra columns are checked, not trusted: a canonical value that disagrees is an error for that row.
        var lines = export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var anc = lines.Single(l => l.Contains(",ANC,", StringComparison.Ordinal));
        var tampered = lines[0] + "\n" + anc.Replace(",0.4,10*9/L", ",4,10*9/L", StringComparison.Ordinal).Replace("2026-03-11", "2026-03-20", StringComparison.Ordinal);
        var refused = await app.WithScopeAsync(sp => sp.GetRequiredService<LabImporter>().ImportCsvAsync(otherCourse.Id, new StringReader(tampered), false, CancellationToken.None));
        Assert.Equal(1, refused.Errors);
        Assert.Contains("the canonical value \"4\" does not match the value and unit (0.4 10*9/L)", refused.Rows.Single().Message);
    }

    [Fact]
    public async Task A_count_with_a_thousands_separator_is_asked_about_keeps_what_was_typed_and_is_never_stored_as_a_decimal()
    {
        var (journal, client, owner, course) = await OwnerAsync();
        var url = $"/j/{journal.Slug}/treatment/labs";
        var fields = new Dictionary<string, string>
        {
            ["EntryDate"] = "2026-03-15", ["Rows[0].Analyte"] = "WBC", ["Rows[0].Value"] = "12,500", ["Rows[0].Unit"] = "cells/µL",
        };
        var asked = await (await Forms.GetAsync(client, url)).PostAsync(client, fields, url + "?handler=Entry");
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("WBC \"12,500\" cells/µL can be read two ways. Did you mean 12\u202F500 cells/µL = 12.5 × 10⁹/L?", html);
        Assert.Contains("value=\"12,500\"", html);
        Assert.Empty(await LabsAsync(course.Id));

        // The API and CSV import answer the same for every count unit, row by row.
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var body = new { results = new[] { new { date = "2026-03-15", analyte = "ANC", value = "1.300", unit = "/mm3" }, new { date = "2026-03-15", analyte = "PLT", value = "150,000", unit = "/uL" } } };
        var report = await (await api.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/treatment/labs?confirm=true", body)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("errors").GetInt32());
        Assert.Empty(await LabsAsync(course.Id));

        fields["Rows[0].Value"] = "12500";
        var stored = await (await Forms.GetAsync(client, url)).PostAsync(client, fields, url + "?handler=Entry");
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.Equal(12.5m, Assert.Single(await LabsAsync(course.Id)).Value);
    }

    [Fact]
    public async Task A_stored_value_can_be_corrected_through_the_same_checks_and_only_by_its_owner()
    {
        var (journal, client, _, course) = await OwnerAsync("date,time,analyte,value,unit\n2026-03-11,07:00,ANC,5,10^9/L\n2026-03-12,,ANC,0.2,10^9/L\n");
        var first = (await LabsAsync(course.Id)).First();
        var url = $"/j/{journal.Slug}/treatment/labs";
        var form = await Forms.GetAsync(client, $"{url}?edit={first.Id}");
        Assert.Contains("Correct a stored value", form.Html);
        Assert.Contains("value=\"07:00\"", form.Html);

        Dictionary<string, string> Edit(string value, string date = "2026-03-11") => new()
        {
            ["EditRow.Date"] = date, ["EditRow.Time"] = "07:00", ["EditRow.Analyte"] = "ANC", ["EditRow.Value"] = value, ["EditRow.Unit"] = "10^9/L", ["EditRow.Note"] = "re-read",
        };
        var bad = await form.PostAsync(client, Edit("0,5oo"), $"{url}?handler=Update&id={first.Id}");
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("\"0,5oo\" is not a number", badHtml);
        Assert.Contains("value=\"0,5oo\"", badHtml);

        var same = Edit("0.2", "2026-03-12");
        same["EditRow.Time"] = "";
        var clash = await form.PostAsync(client, same, $"{url}?handler=Update&id={first.Id}");
        Assert.Contains("Another stored value has the same date", WebUtility.HtmlDecode(await clash.Content.ReadAsStringAsync()));

        var ok = await form.PostAsync(client, Edit("0.5"), $"{url}?handler=Update&id={first.Id}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var corrected = (await LabsAsync(course.Id)).Single(l => l.Id == first.Id);
        Assert.Equal((0.5m, "re-read"), (corrected.Value, corrected.Note));
        Assert.Equal(LabRows.Key(new DateOnly(2026, 3, 11), new TimeOnly(7, 0), Domain.Treatment.LabAnalyte.Anc, 0.5m, "10^9/L"), corrected.NaturalKey);

        // Someone else's value: 404 from both the form and the handler, and nothing changes.
        var (_, _, _, otherCourse) = await OwnerAsync("date,analyte,value,unit\n2026-03-11,ANC,3,10^9/L\n");
        var foreign = (await LabsAsync(otherCourse.Id)).Single();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}?edit={foreign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await form.PostAsync(client, Edit("9"), $"{url}?handler=Update&id={foreign.Id}")).StatusCode);
        Assert.Equal(3m, (await LabsAsync(otherCourse.Id)).Single().Value);
    }

    [Fact]
    public async Task The_entry_date_defaults_to_today_on_the_owners_calendar()
    {
        // UTC+14 and UTC−11 are 25 hours apart: their calendar dates always differ, whatever the time.
        async Task<(string Shown, HashSet<string> Expected)> ShownFor(string zoneId)
        {
            var (journal, client, owner, _) = await OwnerAsync();
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<JournalsDbContext>();
                (await db.Users.FindAsync(owner.Id))!.TimeZoneId = zoneId;
                await db.SaveChangesAsync();
            });
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            string Today() => TreatmentText.Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime));
            var before = Today();
            var html = await client.GetStringAsync($"/j/{journal.Slug}/treatment/labs");
            return (EntryDate().Match(html).Groups[1].Value, [before, Today()]);
        }
        var east = await ShownFor("Pacific/Kiritimati");
        var west = await ShownFor("Pacific/Pago_Pago");
        Assert.Contains(east.Shown, east.Expected);
        Assert.Contains(west.Shown, west.Expected);
        Assert.NotEqual(east.Shown, west.Shown);
    }

    [Fact]
    public async Task A_fever_in_fahrenheit_is_stored_in_celsius_with_what_was_typed_and_impossible_temperatures_are_refused()
    {
        var (journal, client, owner, course) = await OwnerAsync();
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var events = $"/api/v1/journals/{journal.Slug}/treatment/events";

        var created = await (await api.PostAsJsonAsync(events, new { date = "2026-03-14", type = "Fever", value = "100.4", scale = "Fahrenheit" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(38.0m, created.GetProperty("value").GetDecimal());
        Assert.Equal("100.4 °F", created.GetProperty("enteredAs").GetString());

        foreach (var (value, scale, expected) in new[] { ("89", "Fahrenheit", "between 93.2 and 109.4 °F"), ("116", "Fahrenheit", "between 93.2 and 109.4 °F"), ("100.4", "Celsius", "Did you mean 100.4 °F (38 °C)?") })
        {
            var problem = await (await api.PostAsJsonAsync(events, new { date = "2026-03-14", type = "Fever", value, scale })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(expected, problem.GetProperty("errors").GetProperty("value")[0].GetString());
        }

        // The form: °F chosen with a radio; the list and the CSV show both.
        var url = $"/j/{journal.Slug}/treatment/events";
        var saved = await (await Forms.GetAsync(client, url)).PostAsync(client,
            new() { ["Event.Type"] = "Fever", ["Event.Date"] = "2026-03-15", ["Event.Value"] = "101", ["Event.Scale"] = "Fahrenheit" }, url + "?handler=Event");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Fever 38.33 °C (entered as 101 °F)", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
        var csv = await client.GetStringAsync($"/j/{journal.Slug}/treatment/export/events.csv");
        Assert.Contains(",Fever,38.33,,,,,101 °F\r\n", csv);
    }

    [GeneratedRegex("id=\"EntryDate\" name=\"EntryDate\" type=\"date\" value=\"([0-9-]+)\"")]
    private static partial Regex EntryDate();
}

public sealed class LabEntryTestsOnSqlite(SqliteApp app) : LabEntryTests(app), IClassFixture<SqliteApp>;
public sealed class LabEntryTestsOnPostgres(PostgresApp app) : LabEntryTests(app), IClassFixture<PostgresApp>;
