using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.Playwright;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Issue 9 item 2: the lab tables at 320 CSS pixels in real Chromium. Names break only between
/// words (never letter by letter), no cell cuts its content (units included), and the tables
/// scroll inside their own region rather than the page.
/// </summary>
public sealed class LabTableBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // For every word in the lab tables: the number of lines it is drawn on (a word broken letter by
    // letter is drawn on more than one), and every cell whose content is wider than the cell.
    private const string Measure = """
        () => {
          const broken = [], cut = [];
          for (const table of document.querySelectorAll('table.lab-table')) {
            const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const el = node.parentElement;
              if (el.closest('.visually-hidden') || el.closest('label') || el.closest('input,select,option')) continue;
              const text = node.textContent;
              for (const m of text.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(m[0]);
              }
            }
            for (const cell of table.querySelectorAll('td, th')) {
              if (cell.closest('.visually-hidden')) continue;
              if (cell.scrollWidth > cell.clientWidth + 1) cut.push(cell.textContent.trim().slice(0, 60));
            }
          }
          return { broken, cut, tables: document.querySelectorAll('table.lab-table').length };
        }
        """;

    [Fact]
    public async Task At_320_pixels_lab_names_and_units_are_whole_and_only_the_table_region_scrolls()
    {
        var owner = await browser.App.CreateUserAsync("Narrow Owner");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Private, "Narrow labs");
        // Long names and units: neutrophils %, CD34 in blood, CD4 in cells/µL, platelets in K/µL.
        await browser.App.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly,
            "date,analyte,value,unit\n" +
            $"{TreatmentData.Day(1)},Neutrophils %,62,%\n{TreatmentData.Day(1)},WBC,4200,cells/µL\n{TreatmentData.Day(1)},CD34 (blood),15,cells/µL\n" +
            $"{TreatmentData.Day(2)},CD4,350,cells/µL\n{TreatmentData.Day(2)},Platelets,96,K/µL\n{TreatmentData.Day(2)},Haemoglobin,104,g/L");
        var page = await SignInAsync(() => browser.NewPageAsync(true, o => o.ViewportSize = new ViewportSize { Width = 320, Height = 640 }), owner);

        await page.GotoAsync($"/j/{journal.Slug}/treatment/labs");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Stored values, newest first" })).ToBeVisibleAsync();
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(Measure);
        static string[] List(System.Text.Json.JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();
        Assert.Equal(2, result.GetProperty("tables").GetInt32());
        var broken = List(result.GetProperty("broken"));
        var cut = List(result.GetProperty("cut"));
        Assert.True(broken.Length == 0, "words broken across lines: " + string.Join(", ", broken));
        Assert.True(cut.Length == 0, "cells that cut their content: " + string.Join(" | ", cut));
        foreach (var text in new[] { "cells/µL", "K/µL", "Neutrophils %", "CD34 (blood)" })
            await Assertions.Expect(page.Locator("table.lab-table").Last).ToContainTextAsync(text);
        await AssertNoHorizontalScrollAsync(page, "labs at 320 px");
    }
}
