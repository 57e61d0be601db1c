using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>axe-core in real Chromium: no serious or critical violations on the pages people use most.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Reading_and_writing_pages_have_no_serious_or_critical_violations()
    {
        var owner = await browser.App.CreateUserAsync("Ada Patient");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Public, "Accessible Journal");
        var post = await browser.App.CreatePostAsync(journal, owner, "Day +10: engrafted",
            "## Counts\n\nNeutrophils **0.6**.\n\n> A quote\n\n- one\n- two\n\n[MS Society](https://www.mssociety.org.uk/)",
            category: "Isolation & Engraftment", tags: "bloods");

        var reader = await browser.NewPageAsync();
        foreach (var path in new[] { "/", $"/j/{journal.Slug}", $"/j/{journal.Slug}/posts/{post.Slug}", $"/j/{journal.Slug}/archive",
                     $"/j/{journal.Slug}/category/isolation-engraftment", "/search?q=neutrophils", $"/j/{journal.Slug}/search?q=counts", $"/j/{journal.Slug}/feeds", "/Identity/Account/Login", "/Identity/Account/Register", "/no-such-page" })
        {
            await reader.GotoAsync(path);
            await AssertNoSeriousViolationsAsync(reader, path);
        }

        var writer = await browser.SignInAsync(owner);
        await writer.GotoAsync($"/j/{journal.Slug}/write");
        await AssertNoSeriousViolationsAsync(writer, "editor");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(writer.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(writer, "editor with errors");
        await writer.GotoAsync("/journals/new");
        await AssertNoSeriousViolationsAsync(writer, "new journal");
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HsctJournals.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
