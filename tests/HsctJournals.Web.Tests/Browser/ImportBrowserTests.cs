using System.IO.Compression;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Portability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>
/// Moving in and out in real Chromium: the owner uploads the real WordPress sample with JavaScript off,
/// the progress page refreshes itself to the report, the thread reads five levels deep; then the
/// backup's static copy opens from disk (file://, no server involved) and passes axe-core.
/// </summary>
public sealed class ImportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_owner_imports_the_sample_watches_the_report_arrive_and_reads_a_thread_five_deep_then_opens_the_static_copy_from_disk()
    {
        var owner = await browser.App.CreateUserAsync("Wren Mover");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Public, "Moved Journal");
        var page = await BrowserChecks.SignInAsync(() => browser.NewPageAsync(javaScript: false), owner);

        await page.GotoAsync($"/j/{journal.Slug}/import");
        await page.GetByLabel("WordPress export file").SetInputFilesAsync(WordPressFiles.Sample);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        Assert.Matches($"/j/{journal.Slug}/import/[0-9a-f]{{32}}$", page.Url);

        // No script: the reader asks the page to reload itself (it never does unasked), and the reloads bring the report.
        var reload = page.GetByRole(AriaRole.Link, new() { Name = "have this page reload itself every 2 seconds" });
        if (await reload.CountAsync() > 0)
        {
            await reload.ClickAsync();
            Assert.EndsWith("?auto=1", page.Url);
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByText("210 comments imported")).ToBeVisibleAsync();
        await BrowserChecks.AssertNoSeriousViolationsAsync(await AxePageAsync(page), "import report");

        var deep = await browser.App.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Comments.AsNoTracking()
            .Where(c => c.Post.JournalId == journal.Id && c.Depth == 5).OrderBy(c => c.Id).Select(c => new { c.Id, c.Post.Slug, c.AuthorName }).FirstAsync());
        await page.GotoAsync($"/j/{journal.Slug}/posts/{deep.Slug}");
        var fifth = page.Locator($"li.comment li.comment li.comment li.comment li#comment-{deep.Id}");
        await Assertions.Expect(fifth).ToBeVisibleAsync();
        await Assertions.Expect(fifth.Locator(".comment-author").First).ToContainTextAsync(deep.AuthorName);

        // The copy that outlives the site: the backup's site/ folder, opened from disk.
        var backup = await page.APIRequest.GetAsync($"/j/{journal.Slug}/export/backup");
        Assert.Equal(200, backup.Status);
        var folder = Path.Combine(Path.GetTempPath(), $"static-copy-{Guid.NewGuid():N}");
        await using (var zip = new MemoryStream(await backup.BodyAsync()))
            ZipFile.ExtractToDirectory(zip, folder);
        try
        {
            var offline = await browser.NewPageAsync(javaScript: true);
            var requests = new List<string>();
            offline.Request += (_, r) => requests.Add(r.Url);
            await offline.GotoAsync(new Uri(Path.Combine(folder, "site", "index.html")).AbsoluteUri);
            await BrowserChecks.AssertNoSeriousViolationsAsync(offline, "static copy: index");
            await offline.GetByRole(AriaRole.Link, new() { Name = "Day 0: my cells came home" }).ClickAsync();
            await Assertions.Expect(offline.GetByRole(AriaRole.Heading, new() { Name = "Day 0: my cells came home", Level = 1 })).ToBeVisibleAsync();
            await BrowserChecks.AssertNoSeriousViolationsAsync(offline, "static copy: post with its thread");
            await offline.GetByRole(AriaRole.Link, new() { Name = "Archive" }).ClickAsync();
            await BrowserChecks.AssertNoSeriousViolationsAsync(offline, "static copy: archive");
            Assert.All(requests, url => Assert.StartsWith("file://", url)); // nothing from a server or the network
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>axe runs as page script; the report page is read again with JavaScript on to run it.</summary>
    private async Task<IPage> AxePageAsync(IPage noScript)
    {
        var state = await noScript.Context.StorageStateAsync();
        var page = await browser.NewPageAsync(true, o => o.StorageState = state);
        await page.GotoAsync(noScript.Url);
        return page;
    }
}
