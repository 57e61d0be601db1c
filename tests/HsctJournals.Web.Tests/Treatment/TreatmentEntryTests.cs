using System.Net;
using System.Net.Http.Json;
using System.Text;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>The owner records a course through the forms and the API: labs, import, phases, events, milestones, calendar.</summary>
public abstract class TreatmentEntryTests(AppFactory app)
{
    private async Task<(Journal Journal, HttpClient Client, Web.Shared.AppUser Owner)> OwnerAsync()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        return (journal, await app.SignedInClientAsync(owner), owner);
    }

    private Task<int> LabCountAsync(Journal journal) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().LabResults.CountAsync(l => l.CourseId ==
            sp.GetRequiredService<JournalsDbContext>().TreatmentCourses.Where(c => c.JournalId == journal.Id).Select(c => c.Id).First()));

    [Fact]
    public async Task A_pasted_csv_gets_a_report_per_row_and_importing_it_again_changes_nothing()
    {
        var (journal, client, _) = await OwnerAsync();
        var csv = "\uFEFFdate,time,analyte,value,unit,note\n"
            + "2026-03-11,07:00,ANC,0.4,10^9/L,\n"
            + "2026-03-11,07:00,PLT,38,K/µL,\"after bag, morning\"\n"
            + "2026-03-11,07:00,Hb,82,g/L,\n"
            + "2026-03-11,07:00,ANC,0.4,10^9/L,\n"          // the same row twice in one file
            + "2026-03-12,,Platelets,-3,10^9/L,\n"           // negative
            + "2026-03-12,,Bilirubin,12,umol/L,\n"           // unknown analyte
            + "2026-03-12,,WBC,3,furlongs,\n"                // unknown unit
            + "12/03/2026,,WBC,3,10^9/L,\n"                  // not ISO
            + "2026-03-12;WBC;3;10^9/L\n"                    // mixed delimiter
            + "2026-03-12,,ANC,500,10^9/L,\n";               // implausible: questioned, not stored
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/treatment/labs");
        var first = await form.PostAsync(client, new() { ["CsvText"] = csv }, $"/j/{journal.Slug}/treatment/labs?handler=Import");
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("10 rows: 3 imported, 1 already stored, 1 need confirmation, 5 with errors.", html);
        Assert.Contains("cannot be negative", html);
        Assert.Contains("\"Bilirubin\" is not a known blood value", html);
        Assert.Contains("\"furlongs\" is not a unit for WBC", html);
        Assert.Contains("\"12/03/2026\" is not a date", html);
        Assert.Contains("Expected 6 fields separated by commas", html);
        Assert.Contains("ANC 500 × 10⁹/L is not plausible. Did you mean 500 cells/µL (0.5 × 10⁹/L)?", html);
        Assert.Equal(3, await LabCountAsync(journal));

        var again = await (await Forms.GetAsync(client, $"/j/{journal.Slug}/treatment/labs"))
            .PostAsync(client, new() { ["CsvText"] = csv }, $"/j/{journal.Slug}/treatment/labs?handler=Import");
        Assert.Contains("10 rows: 0 imported, 4 already stored", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(3, await LabCountAsync(journal));

        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().LabResults.AsNoTracking()
            .Where(l => l.Loinc == "718-7" && l.Date == new DateOnly(2026, 3, 11)).ToListAsync());
        var hb = Assert.Single(stored, l => l.OriginalUnit == "g/L");
        Assert.Equal(8.2m, hb.Value);
        Assert.Equal(82m, hb.OriginalValue);
        Assert.Equal("g/dL", hb.Ucum);
    }

    [Fact]
    public async Task A_wrong_header_imports_nothing_and_says_why_in_the_page_and_the_api()
    {
        var (journal, client, owner) = await OwnerAsync();
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/treatment/labs");
        var page = await form.PostAsync(client, new() { ["CsvText"] = "day,test,result\n2026-03-11,ANC,0.4" }, $"/j/{journal.Slug}/treatment/labs?handler=Import");
        Assert.Contains("Unknown column", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        var api = app.ApiClient(await app.TokenForAsync(owner));
        var bad = await api.PostAsync($"/api/v1/journals/{journal.Slug}/treatment/labs", new StringContent("date,analyte,value\n2026-03-11,ANC,0.4", Encoding.UTF8, "text/csv"));
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("missing unit", problem.GetProperty("errors").GetProperty("csv")[0].GetString());

        // Tab-separated with a BOM, through the API, twice.
        var tsv = "\uFEFFdate\tanalyte\tvalue\tunit\n2026-03-11\tWBC\t0,9\tG/L\n2026-03-12\tLOINC 777-3\t24\t10^9/L\n";
        for (var i = 0; i < 2; i++)
        {
            var ok = await api.PostAsync($"/api/v1/journals/{journal.Slug}/treatment/labs", new StringContent(tsv, Encoding.UTF8, "text/csv"));
            var report = await ok.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(i == 0 ? 2 : 0, report.GetProperty("imported").GetInt32());
            Assert.Equal(i == 0 ? 0 : 2, report.GetProperty("duplicates").GetInt32());
        }
        Assert.Equal(2, await LabCountAsync(journal));
    }

    [Fact]
    public async Task An_implausible_daily_value_is_questioned_and_stored_only_after_yes()
    {
        var (journal, client, _) = await OwnerAsync();
        Dictionary<string, string> Fields(bool confirm)
        {
            var fields = new Dictionary<string, string> { ["EntryDate"] = "2026-03-15", ["EntryTime"] = "" };
            var i = 0;
            foreach (var (analyte, value, unit) in new[] { ("WBC", "1.9", "10^9/L"), ("ANC", "500", "10^9/L"), ("Platelets", "14", "K/µL"), ("Haemoglobin", "8,2", "g/dL") })
            {
                fields[$"Rows[{i}].Analyte"] = analyte; fields[$"Rows[{i}].Value"] = value; fields[$"Rows[{i}].Unit"] = unit; i++;
            }
            if (confirm) fields["Confirm"] = "true";
            return fields;
        }
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/treatment/labs");
        var asked = await form.PostAsync(client, Fields(false), $"/j/{journal.Slug}/treatment/labs?handler=Entry");
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Did you mean 500 cells/µL", html);
        Assert.Contains("Yes, I checked: store the questioned values", html);
        Assert.Contains("value=\"500\"", html); // what was typed is kept
        Assert.Equal(0, await LabCountAsync(journal));

        var stored = await (await Forms.GetAsync(client, $"/j/{journal.Slug}/treatment/labs")).PostAsync(client, Fields(true), $"/j/{journal.Slug}/treatment/labs?handler=Entry");
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.Equal(4, await LabCountAsync(journal));
    }

    [Fact]
    public async Task A_refused_phase_transition_shows_the_state_machine_reason_and_keeps_the_form()
    {
        var (journal, client, _) = await OwnerAsync();
        var url = $"/j/{journal.Slug}/treatment/edit";
        var first = await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["PhaseForm.Phase"] = "Evaluation", ["PhaseForm.Started"] = "2026-01-05" }, url + "?handler=Phase");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var refused = await (await Forms.GetAsync(client, url)).PostAsync(client,
            new() { ["PhaseForm.Phase"] = "Conditioning", ["PhaseForm.Planned"] = "2026-03-03", ["PhaseForm.Note"] = "Cy/ATG" }, url + "?handler=Phase");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Conditioning cannot follow Evaluation: mobilisation and apheresis come first.", html);
        Assert.Contains("value=\"2026-03-03\"", html);
        Assert.Contains("value=\"Cy/ATG\"", html);

        var backwards = await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["PhaseForm.Phase"] = "Mobilisation", ["PhaseForm.Started"] = "2026-01-01" }, url + "?handler=Phase");
        Assert.Contains("before evaluation started on 2026-01-05", WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync()));

        // Day 0 before mobilisation is refused too.
        await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["PhaseForm.Phase"] = "Mobilisation", ["PhaseForm.Started"] = "2026-02-01" }, url + "?handler=Phase");
        var dayZero = await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["Input.DayZero"] = "2026-01-20" }, url + "?handler=Course");
        Assert.Contains("Day 0 (2026-01-20) cannot be before mobilisation, which started on 2026-02-01.", WebUtility.HtmlDecode(await dayZero.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Engraftment_milestones_are_computed_from_stored_counts_and_transfusions_beside_the_declared_dates()
    {
        var (journal, _, owner) = await OwnerAsync();
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var slug = journal.Slug;
        var put = await api.PutAsJsonAsync($"/api/v1/journals/{slug}/treatment", new
        {
            condition = "RRMS", dayZero = TreatmentData.Day(0), declaredNeutrophilEngraftment = TreatmentData.Day(11), sharing = "OwnerOnly",
        });
        var course = await put.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(TreatmentData.Day(0), course.GetProperty("dayZero").GetString());

        // Platelets: below 20 from Day +4, a transfusion on Day +7; runs starting Day +8…+13 are within 6 days
        // of it (domain/hsct.md §5); a transfusion exactly 7 days before Day +14 does not disqualify it.
        var results = new List<object>();
        var plt = new Dictionary<int, int> { [2] = 40, [4] = 18, [6] = 9, [7] = 8, [8] = 25, [9] = 30, [10] = 32, [12] = 35, [14] = 41, [15] = 44, [16] = 52, [18] = 60 };
        foreach (var (day, value) in plt) results.Add(new { date = TreatmentData.Day(day), analyte = "PLT", value = value.ToString(), unit = "10^9/L" });
        // ANC missing on Day +9 and +10: derived from WBC × neutrophil %.
        var anc = new Dictionary<int, string> { [1] = "0.8", [3] = "0.1", [5] = "0.02", [8] = "0.5" };
        foreach (var (day, value) in anc) results.Add(new { date = TreatmentData.Day(day), analyte = "ANC", value, unit = "10^9/L" });
        results.Add(new { date = TreatmentData.Day(9), analyte = "WBC", value = "1.5", unit = "10^9/L" });
        results.Add(new { date = TreatmentData.Day(9), analyte = "Neutrophils %", value = "40", unit = "%" });
        results.Add(new { date = TreatmentData.Day(10), analyte = "WBC", value = "2.0", unit = "10^9/L" });
        results.Add(new { date = TreatmentData.Day(10), analyte = "Neutrophils %", value = "50", unit = "%" });
        var labs = await (await api.PostAsJsonAsync($"/api/v1/journals/{slug}/treatment/labs", new { results })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(results.Count, labs.GetProperty("imported").GetInt32());
        var transfusion = await api.PostAsJsonAsync($"/api/v1/journals/{slug}/treatment/events", new { date = TreatmentData.Day(7), type = "Transfusion", product = "Platelets", detail = "pooled" });
        Assert.Equal("Day +7", (await transfusion.JsonAsync(HttpStatusCode.Created)).GetProperty("dayLabel").GetString());

        var milestones = await (await api.GetAsync($"/api/v1/journals/{slug}/treatment/milestones")).JsonAsync(HttpStatusCode.OK);
        var neutrophils = milestones.GetProperty("neutrophils");
        Assert.Equal("engrafted", neutrophils.GetProperty("status").GetString());
        Assert.Equal(8, neutrophils.GetProperty("day").GetInt32());
        Assert.Equal(TreatmentData.Day(8), neutrophils.GetProperty("date").GetString());
        Assert.Equal(14, milestones.GetProperty("platelets20").GetProperty("day").GetInt32());
        Assert.Equal("notYet", milestones.GetProperty("platelets50").GetProperty("status").GetString());
        Assert.Equal(11, milestones.GetProperty("declaredNeutrophils").GetProperty("day").GetInt32());
        Assert.Equal("Day +11", milestones.GetProperty("declaredNeutrophils").GetProperty("dayLabel").GetString());

        // Moving Day 0 relabels everything: nothing is stored as a label.
        await api.PutAsJsonAsync($"/api/v1/journals/{slug}/treatment", new { condition = "RRMS", dayZero = TreatmentData.Day(1) });
        var moved = await (await api.GetAsync($"/api/v1/journals/{slug}/treatment/milestones")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, moved.GetProperty("neutrophils").GetProperty("day").GetInt32());
    }

    [Fact]
    public async Task Events_are_checked_by_type_and_edss_follows_the_scale()
    {
        var (journal, _, owner) = await OwnerAsync();
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var url = $"/api/v1/journals/{journal.Slug}/treatment/events";
        var edss = await (await api.PostAsJsonAsync(url, new { date = "2026-01-05", type = "Edss", value = "4.3" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("steps of 0.5", edss.GetProperty("errors").GetProperty("value")[0].GetString());
        var complication = await (await api.PostAsJsonAsync(url, new { date = "2026-01-05", type = "Complication", detail = "Mucositis" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("CTCAE grade", complication.GetProperty("errors").GetProperty("grade")[0].GetString());
        var fever = await (await api.PostAsJsonAsync(url, new { date = "2026-01-05", type = "Fever", value = "384" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("between 34 and 43", fever.GetProperty("errors").GetProperty("value")[0].GetString());
        await (await api.PostAsJsonAsync(url, new { date = "2026-01-05", type = "Complication", detail = "Mucositis", grade = 2 })).JsonAsync(HttpStatusCode.Created);
        await (await api.PostAsJsonAsync(url, new { date = "2026-01-05", type = "Edss", value = "4,5" })).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_hundred_thousand_row_file_streams_in_with_a_bounded_report_and_clean_row_errors()
    {
        var (journal, _, owner) = await OwnerAsync();
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly, "date,analyte,value,unit\n");
        var csv = new StringBuilder("date,time,analyte,value,unit\n");
        var start = new DateOnly(2000, 1, 1);
        string[] analytes = ["WBC", "ANC", "PLT", "Hb"];
        string[] values = ["4.1", "2.2", "180", "12.5"];
        for (var i = 0; i < 100_000; i++)
        {
            var a = i % 4;
            if (i == 5_000) { csv.Append("2000-01-01;WBC;4;10^9/L\n"); continue; } // one bad line in the middle
            csv.Append(start.AddDays(i / 96).ToString("yyyy-MM-dd")).Append(',').Append(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(i / 4 % 24 * 60)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(analytes[a]).Append(',').Append(values[a]).Append(",10^9/L".Replace("10^9/L", a == 3 ? "g/dL" : "10^9/L")).Append('\n');
        }
        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<LabImporter>()
            .ImportCsvAsync(course.Id, new StringReader(csv.ToString()), false, CancellationToken.None));
        Assert.Equal(100_000, report.Total);
        Assert.Equal(1, report.Errors);
        Assert.Equal(LabImportReport.MaxListedRows, report.Rows.Count);
        Assert.Equal(report.Imported, await LabCountAsync(journal));
        Assert.Equal(100_000 - 1, report.Imported + report.Duplicates);
    }

    [Fact]
    public async Task The_follow_up_calendar_parses_back_with_ical_net_at_its_secret_address()
    {
        var (journal, client, owner) = await OwnerAsync();
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        var url = $"/j/{journal.Slug}/treatment/events";
        Assert.Equal(HttpStatusCode.Redirect, (await (await Forms.GetAsync(client, url)).PostAsync(client, [], url + "?handler=Template")).StatusCode);
        await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["FollowUp.Title"] = "Pneumococcal vaccine, dose 1", ["FollowUp.Due"] = "2026-09-10", ["FollowUp.Note"] = "As the clinic said" }, url + "?handler=FollowUp");
        var page = WebUtility.HtmlDecode(await (await (await Forms.GetAsync(client, url)).PostAsync(client, [], url + "?handler=Calendar")).Content.ReadAsStringAsync());
        var address = System.Text.RegularExpressions.Regex.Match(page, @"https?://[^<\s]+/treatment/calendar/[^<\s]+\.ics").Value;
        Assert.NotEmpty(address);

        var response = await app.AnonymousClient().GetAsync(new Uri(address).PathAndQuery);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(7, calendar.Events.Count);
        var vaccine = Assert.Single(calendar.Events, e => e.Summary == "Pneumococcal vaccine, dose 1");
        Assert.Equal(new DateOnly(2026, 9, 10), DateOnly.FromDateTime(vaccine.DtStart!.Value));
        Assert.Contains(calendar.Events, e => e.Summary == "6-month review and MRI" && DateOnly.FromDateTime(e.DtStart!.Value) == TreatmentData.DayZero.AddMonths(6));
        Assert.Contains(calendar.Events, e => e.Summary == "Day +100 review" && DateOnly.FromDateTime(e.DtStart!.Value) == TreatmentData.DayZero.AddDays(100));

        // A new address retires the old one.
        await (await Forms.GetAsync(client, url)).PostAsync(client, [], url + "?handler=Calendar");
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync(new Uri(address).PathAndQuery)).StatusCode);
    }
}

public sealed class TreatmentEntryTestsOnSqlite(SqliteApp app) : TreatmentEntryTests(app), IClassFixture<SqliteApp>;
public sealed class TreatmentEntryTestsOnPostgres(PostgresApp app) : TreatmentEntryTests(app), IClassFixture<PostgresApp>;
