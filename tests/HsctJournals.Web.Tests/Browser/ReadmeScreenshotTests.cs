using HsctJournals.Web.Startup;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>
/// Takes the README's screenshots from the real demo content in Chromium, so they always show the
/// product as it is. It has its own app (an empty database) because the demo seed runs only on one.
/// </summary>
public sealed class ReadmeScreenshotTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_journal_and_its_engraftment_post_are_photographed_for_the_readme()
    {
        await browser.App.WithScopeAsync(sp => DemoSeed.SeedIfEmptyAsync(sp, NullLogger.Instance));
        var page = await browser.NewPageAsync();
        var docs = Path.Combine(AccessibilityTests.RepositoryRoot(), "docs");
        Directory.CreateDirectory(docs);

        await page.GotoAsync("/j/counting-from-zero");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Counting From Zero" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(docs, "screenshot-journal.png") });

        await page.GotoAsync("/j/counting-from-zero/posts/day-10-engrafted");
        var chart = page.Locator("figure.embed-chart img");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        // The chart is loading="lazy": bring it into view and wait until it has really loaded (fails if it never does).
        await chart.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('figure.embed-chart img'); return img && img.complete && img.naturalWidth > 0; }");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(docs, "screenshot-post.png") });

        Assert.True(new FileInfo(Path.Combine(docs, "screenshot-journal.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(docs, "screenshot-post.png")).Length > 10_000);
    }
}
