using System.Net;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>The first run: the demo journal's course is shared with its readers, so a visitor sees the timeline and charts.</summary>
public abstract class DemoTreatmentTests(AppFactory app)
{
    [Fact]
    public async Task The_demo_course_shows_engraftment_matching_the_posts_and_renders_its_charts()
    {
        var client = app.AnonymousClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/j/counting-from-zero/treatment"));
        Assert.Contains("<strong>Day +8</strong>", html);   // computed: 0.52, 0.74, 1.30 on Days +8..+10
        Assert.Contains("Neutrophil engraftment (declared by the clinic)", html);
        Assert.Contains("Platelet engraftment ≥ 20 (computed)", html);
        var csv = await client.GetStringAsync("/j/counting-from-zero/treatment/export/labs.csv");
        Assert.Contains(",Haemoglobin,8.2,g/dL,", csv);     // Day +6 as in the post
        Assert.Contains(",ANC,520,cells/µL,", csv);         // Day +8 as read out, stored as 0.52
        Assert.Contains("Day +8,751-8,0.52,10*9/L", csv);
        foreach (var chart in new[] { "neutrophils", "platelets", "edss" })
        {
            var response = await client.GetAsync($"/j/counting-from-zero/treatment/charts/{chart}.svg");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("<?xml", (await response.Content.ReadAsStringAsync()).TrimStart());
        }
        // The private notebook has no treatment record to show.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/j/private-notebook/treatment")).StatusCode);
    }

    [Fact]
    public async Task The_demo_course_exports_a_fhir_bundle_that_firelys_validator_accepts()
    {
        var json = await app.AnonymousClient().GetStringAsync("/j/counting-from-zero/treatment/export/fhir.json");
        var bundle = FhirValidation.Parse(json);
        Assert.Empty(FhirValidation.Errors(bundle));
        Assert.Contains(bundle.Entry, e => e.Resource is Hl7.Fhir.Model.Procedure { Code.Coding: [{ Code: "425983008" }] });
        Assert.True(bundle.Entry.Count(e => e.Resource is Hl7.Fhir.Model.Observation { Category: [{ Coding: [{ Code: "laboratory" }] }] }) > 10);
    }
}

/// <summary>The app with the demo seed switched on.</summary>
public sealed class DemoSqliteApp() : AppFactory(new SqliteTestDatabase())
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemo", "true");
    }
}

/// <summary>The app with the demo seed switched on, on PostgreSQL.</summary>
public sealed class DemoPostgresApp() : AppFactory(new PostgresTestDatabase())
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemo", "true");
    }
}

public sealed class DemoTreatmentTestsOnSqlite(DemoSqliteApp app) : DemoTreatmentTests(app), IClassFixture<DemoSqliteApp>;
public sealed class DemoTreatmentTestsOnPostgres(DemoPostgresApp app) : DemoTreatmentTests(app), IClassFixture<DemoPostgresApp>;
