using System.Net;
using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Issue 9 item 3: the summaries (owner's and clinician link) give days of neutropenia,
/// transfusions by product, CD34+ collected and the G-CSF starts, say what "computed" means
/// (item 6), and draw haemoglobin and lymphocyte/CD4 charts with the normal range shaded.
/// </summary>
public abstract class ClinicalFiguresTests(AppFactory app)
{
    private static string Csv() =>
        TreatmentData.EngraftingCsv().Replace("date,analyte,value,unit", "date,analyte,value,unit,reference_low,reference_high")
            .Replace(",10^9/L", ",10^9/L,,")
        + $"\n{TreatmentData.Day(2)},Haemoglobin,9.8,g/dL,12,15.5\n{TreatmentData.Day(6)},Haemoglobin,7.9,g/dL,12,15.5"
        + $"\n{TreatmentData.Day(30)},Lymphocytes,0.4,10^9/L,,\n{TreatmentData.Day(90)},Lymphocytes,0.9,10^9/L,,"
        + $"\n{TreatmentData.Day(90)},CD4,150,cells/µL,,";

    private async Task<(Journal Journal, HttpClient Client, int CourseId)> CourseAsync()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly, Csv());
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
            TreatmentEvent Event(int day, TreatmentEventType type, TransfusionProduct? product = null, decimal? value = null) =>
                new() { CourseId = course.Id, Date = TreatmentData.DayZero.AddDays(day), Type = type, Product = product, Value = value, CreatedAt = DateTime.UtcNow };
            db.TreatmentEvents.AddRange(
                Event(-30, TreatmentEventType.Harvest, value: 4.1m), Event(-29, TreatmentEventType.Harvest, value: 2.2m),
                Event(4, TreatmentEventType.Transfusion, TransfusionProduct.Platelets), Event(6, TreatmentEventType.Transfusion, TransfusionProduct.Platelets),
                Event(6, TreatmentEventType.Transfusion, TransfusionProduct.RedCells), Event(7, TreatmentEventType.Transfusion));
            db.DrugLines.AddRange(
                new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Mobilisation, GenericName = "Cyclophosphamide", StartDate = TreatmentData.DayZero.AddDays(-40) },
                new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Mobilisation, GenericName = "Filgrastim", Brand = "Zarzio", StartDate = TreatmentData.DayZero.AddDays(-36) },
                new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Supportive, GenericName = "lenograstim", StartDate = TreatmentData.DayZero.AddDays(5) });
            await db.SaveChangesAsync();
            // A write behind the app's back: evict as the editors do.
            await sp.GetRequiredService<Web.Caching.PageCacheEviction>().JournalChangedAsync(journal.Id);
            return 0;
        });
        return (journal, await app.SignedInClientAsync(owner), course.Id);
    }

    [Fact]
    public async Task The_summary_and_the_clinician_page_give_the_figures_a_transplant_team_asks_for()
    {
        var (journal, client, courseId) = await CourseAsync();
        var token = await app.ClinicianLinkAsync(courseId);
        foreach (var page in new[] { await client.GetStringAsync($"/j/{journal.Slug}/treatment/summary"), await app.AnonymousClient().GetStringAsync($"/clinician/{token}") })
        {
            var html = WebUtility.HtmlDecode(page);
            // ANC below 0.5 from Day +3, engrafted Day +9 (TreatmentData.EngraftingCsv).
            Assert.Contains("<dd>6 days: Day +3 (2026-03-13) to Day +8 (2026-03-18), up to neutrophil engraftment on Day +9 (2026-03-19).</dd>", html);
            Assert.Contains("<dd>Platelets 2, red cells 1; 1 recorded in words not yet coded as a product.</dd>", html);
            Assert.Contains("<dd>6.3 × 10⁶/kg collected in 2 harvest sessions", html);
            Assert.Contains("<dd>for mobilisation on Day −36 (2026-02-02); after reinfusion on Day +5 (2026-03-15).</dd>", html);
            Assert.Contains("follows the CIBMTR definitions", html);
            Assert.Contains("not yet, never below the threshold, or cannot be computed because the low period was not recorded", html);
            Assert.Contains("Haemoglobin by day", html);
            Assert.Contains("Lymphocytes and CD4 over months", html);
        }
    }

    [Fact]
    public async Task Haemoglobin_and_lymphocyte_charts_shade_the_normal_range_from_the_lab_or_the_domain_example()
    {
        var (journal, client, _) = await CourseAsync();
        var hb = WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{journal.Slug}/treatment/charts/haemoglobin.svg"));
        Assert.Contains("Normal range shaded: your lab's range 12–15.5.", hb);
        Assert.Contains("Red cell transfusions marked on Day +6.", hb);
        Assert.Contains(">normal range<", hb.Replace("\t", "").Replace("\n", ""));
        var lymphocytes = WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{journal.Slug}/treatment/charts/lymphocytes.svg"));
        Assert.Contains("Normal range shaded: example adult lymphocyte range 1.1–4.0 × 10⁹/L.", lymphocytes);
        Assert.Contains("CD4 (cells/µL ÷ 1000): 1 values from Day +90 to Day +90; lowest 0.15 on Day +90", lymphocytes);
        Assert.Contains("Lymphocytes: 2 values from Day +30 to Day +90; lowest 0.4 on Day +30; latest 0.9.", lymphocytes);
    }
}

public sealed class ClinicalFiguresTestsOnSqlite(SqliteApp app) : ClinicalFiguresTests(app), IClassFixture<SqliteApp>;
public sealed class ClinicalFiguresTestsOnPostgres(PostgresApp app) : ClinicalFiguresTests(app), IClassFixture<PostgresApp>;
