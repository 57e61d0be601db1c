using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;
using HsctJournals.Web.Treatment;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// A post with an embedded chart and milestone in real Chromium: the chart
/// image loads, has its text alternative, and axe-core finds no serious or critical violations on
/// the post or on the days page.
/// </summary>
public sealed class PostEmbedBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_post_with_an_embedded_chart_is_accessible_and_the_chart_loads()
    {
        var owner = await browser.App.CreateUserAsync("Embed Owner");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Public, "Embeds in the browser");
        var course = await browser.App.CreateCourseAsync(journal, owner, TreatmentSharing.JournalReaders);
        await PostEmbedTests.RecordPhasesAsync(browser.App, course.Id);
        var post = await browser.App.CreatePostAsync(journal, owner, "My counts", PostEmbedTests.EmbeddingMarkdown,
            publishAtUtc: TreatmentData.DayZero.AddDays(9).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Neutrophils and white cells by day") });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await chart.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure.embed-chart img'); return i && i.complete && i.naturalWidth > 0; }");
        await Assertions.Expect(page.Locator(".embed-milestone").First).ToContainTextAsync("Day +9");
        await AssertNoSeriousViolationsAsync(page, "post with an embedded chart");

        // The chart shows the counts as of the post's day; its caption links to the latest values on the treatment page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Neutrophils and white cells by day: latest values" }).ClickAsync();
        await Assertions.Expect(page.Locator("#charts")).ToBeAttachedAsync();

        await page.GotoAsync($"/j/{journal.Slug}/days");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aplasia" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "days page");
    }
}
