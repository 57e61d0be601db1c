using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// The owner enters a course and a day of counts through the forms in real Chromium, pastes a
/// fortnight as CSV, then sees the computed engraftment milestone, the day label on a post and the
/// chart; axe-core finds no serious or critical violations on the treatment pages.
/// </summary>
public sealed class TreatmentBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_owner_enters_counts_and_sees_engraftment_and_the_chart()
    {
        var owner = await browser.App.CreateUserAsync("Ada Patient");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Public, "Treatment Browser");
        await browser.App.CreatePostAsync(journal, owner, "Engrafted!", "Three days in a row.",
            publishAtUtc: TreatmentData.DayZero.AddDays(9).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        var page = await browser.SignInAsync(owner);
        var slug = journal.Slug;

        await page.GotoAsync($"/j/{slug}/treatment");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start it with Day 0 and your centre" }).ClickAsync();
        await page.GetByLabel("Condition").FillAsync("RRMS");
        await page.GetByLabel("Day 0 (the day the cells go back)").FillAsync(TreatmentData.Day(0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the course" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await AssertNoSeriousViolationsAsync(page, "course and phases");

        // One day through the quick form, in mixed units.
        await page.GotoAsync($"/j/{slug}/treatment/labs");
        await page.GetByLabel("Date the blood was taken").FillAsync(TreatmentData.Day(1));
        await page.GetByLabel("ANC", new() { Exact = true }).FillAsync("1.2");
        await page.GetByLabel("Platelets", new() { Exact = true }).FillAsync("96");
        await page.GetByLabel("Unit for Platelets").FillAsync("K/µL");
        await page.GetByLabel("Haemoglobin", new() { Exact = true }).FillAsync("104");
        await page.GetByLabel("Unit for Haemoglobin").FillAsync("g/L");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save counts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stored 3 value(s)");
        await AssertNoSeriousViolationsAsync(page, "labs");

        // The rest of the fortnight pasted as CSV.
        await page.GetByLabel("Paste rows").FillAsync(string.Join("\n", TreatmentData.EngraftingCsv().Split('\n').Where(l => !l.StartsWith(TreatmentData.Day(1), StringComparison.Ordinal))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]").First).ToContainTextAsync("10 rows: 10 imported");
        await AssertNoSeriousViolationsAsync(page, "labs import report");

        await page.GotoAsync($"/j/{slug}/treatment");
        await Assertions.Expect(page.Locator(".milestone-engraftmentcomputed").First).ToContainTextAsync("Day +9");
        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Neutrophils and white cells by day") });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await chart.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure.chart img'); return i && i.complete && i.naturalWidth > 0; }");
        await AssertNoSeriousViolationsAsync(page, "treatment overview");

        foreach (var path in new[] { "events", "sharing", "summary" })
        {
            await page.GotoAsync($"/j/{slug}/treatment/{path}");
            await AssertNoSeriousViolationsAsync(page, path);
        }

        // The post written on Day +9 carries its label.
        await page.GotoAsync($"/j/{slug}");
        await Assertions.Expect(page.GetByText("Day +9").First).ToBeVisibleAsync();

        // A stranger sees the journal and nothing of the treatment record.
        var stranger = await browser.NewPageAsync(javaScript: false);
        var response = await stranger.GotoAsync($"/j/{slug}/treatment");
        Assert.Equal(404, response!.Status);
    }
}
