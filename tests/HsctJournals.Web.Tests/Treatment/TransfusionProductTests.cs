using System.Net;
using System.Net.Http.Json;
using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Transfusions carry a coded product (domain/hsct.md §5): required in the API and forms, exported
/// in CSV; rows recorded as free text before are coded once by the migration, and what it cannot
/// read is shown to the owner to settle.
/// </summary>
public abstract class TransfusionProductTests(AppFactory app)
{
    [Fact]
    public async Task The_migration_codes_common_spellings_once_and_leaves_uncertain_rows_for_the_owner()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var api = app.ApiClient(await app.TokenForAsync(owner));
        (await api.PutAsJsonAsync($"/api/v1/journals/{journal.Slug}/treatment", new { condition = "RRMS", dayZero = TreatmentData.Day(0) })).EnsureSuccessStatusCode();

        string[] texts = ["Plts", "pooled PLT", "Thrombocytes", "Platelets", "PRBC x2", "red cells", "FFP", "blood", "platelets and red cells"];
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var courseId = await db.TreatmentCourses.Where(c => c.JournalId == journal.Id).Select(c => c.Id).SingleAsync();
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_TransfusionProduct", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before);
            var created = DateTime.SpecifyKind(new DateTime(2026, 3, 20, 12, 0, 0), DateTimeKind.Utc);
            var day = TreatmentData.DayZero.AddDays(3);
            foreach (var text in texts)
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"TreatmentEvents\" (\"CourseId\", \"Date\", \"Type\", \"Detail\", \"CreatedAt\") VALUES ({courseId}, {day}, {3}, {text}, {created})");
            await migrator.MigrateAsync();
        });

        // Only this journal's rows: migrating down and up again also re-codes other tests' rows from their (empty) text.
        var stored = await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            return db.TreatmentEvents.AsNoTracking()
                .Where(e => e.Type == TreatmentEventType.Transfusion && db.TreatmentCourses.Any(c => c.Id == e.CourseId && c.JournalId == journal.Id))
                .OrderBy(e => e.Id).ToListAsync();
        });
        Assert.Equal(
            [TransfusionProduct.Platelets, TransfusionProduct.Platelets, TransfusionProduct.Platelets, TransfusionProduct.Platelets,
             TransfusionProduct.RedCells, TransfusionProduct.RedCells, TransfusionProduct.Plasma, null, null],
            stored.Select(e => e.Product).ToArray());
        // A detail that only repeated the product is gone; other words stay beside it.
        Assert.Null(stored[3].Detail);
        Assert.Equal("pooled PLT", stored[1].Detail);

        // The owner sees the two uncertain rows and settles one.
        var client = await app.SignedInClientAsync(owner);
        var url = $"/j/{journal.Slug}/treatment/events";
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("2 transfusions were recorded in words we could not read as a product", page);
        Assert.Contains("“blood”", page);
        var empty = await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["product"] = "" }, $"{url}?handler=Product&id={stored[7].Id}");
        Assert.Contains("Choose platelets, red cells, plasma or other.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        await (await Forms.GetAsync(client, url)).PostAsync(client, new() { ["product"] = "RedCells" }, $"{url}?handler=Product&id={stored[7].Id}");
        Assert.Contains("One transfusion was recorded", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
    }

    [Fact]
    public async Task A_transfusion_needs_a_coded_product_and_only_platelets_pause_platelet_engraftment()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var slug = journal.Slug;
        (await api.PutAsJsonAsync($"/api/v1/journals/{slug}/treatment", new { condition = "RRMS", dayZero = TreatmentData.Day(0) })).EnsureSuccessStatusCode();
        var events = $"/api/v1/journals/{slug}/treatment/events";

        // No product: a clear message, never a guess from the words.
        var noProduct = await api.PostAsJsonAsync(events, new { date = TreatmentData.Day(7), type = "Transfusion", detail = "Plts" });
        Assert.Contains("Which product was transfused?", await noProduct.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noProduct.StatusCode);
        var productOnFever = await api.PostAsJsonAsync(events, new { date = TreatmentData.Day(7), type = "Fever", value = "38.5", product = "Platelets" });
        Assert.Equal(HttpStatusCode.BadRequest, productOnFever.StatusCode);

        var results = new[] { (4, 15), (7, 8), (10, 25), (11, 30), (12, 32), (13, 40), (14, 45) }
            .Select(p => new { date = TreatmentData.Day(p.Item1), analyte = "PLT", value = p.Item2.ToString(), unit = "10^9/L" }).ToList();
        (await api.PostAsJsonAsync($"/api/v1/journals/{slug}/treatment/labs", new { results })).EnsureSuccessStatusCode();

        // Red cells on Day +9 do not pause platelet engraftment.
        var redCells = await (await api.PostAsJsonAsync(events, new { date = TreatmentData.Day(9), type = "Transfusion", product = "RedCells" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("RedCells", redCells.GetProperty("product").GetString());
        var milestones = await (await api.GetAsync($"/api/v1/journals/{slug}/treatment/milestones")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(10, milestones.GetProperty("platelets20").GetProperty("day").GetInt32());

        // Platelets on Day +9 do: Day +10…+12 is inside the window, and so is every later start recorded.
        (await api.PostAsJsonAsync(events, new { date = TreatmentData.Day(9), type = "Transfusion", product = "Platelets" })).EnsureSuccessStatusCode();
        milestones = await (await api.GetAsync($"/api/v1/journals/{slug}/treatment/milestones")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("notYet", milestones.GetProperty("platelets20").GetProperty("status").GetString());

        // The events CSV carries the product in its own column.
        var client = await app.SignedInClientAsync(owner);
        var csv = await client.GetStringAsync($"/j/{slug}/treatment/export/events.csv");
        Assert.StartsWith("date,day,type,value,grade,product,detail,note", csv);
        Assert.Contains(",Transfusion,,,Red cells,,", csv);
    }
}

public sealed class TransfusionProductTestsOnSqlite(SqliteApp app) : TransfusionProductTests(app), IClassFixture<SqliteApp>;
public sealed class TransfusionProductTestsOnPostgres(PostgresApp app) : TransfusionProductTests(app), IClassFixture<PostgresApp>;
