using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
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
            await AssertNoSeriousViolations(reader, path);
        }

        var writer = await SignInAsync(owner);
        await writer.GotoAsync($"/j/{journal.Slug}/write");
        await AssertNoSeriousViolations(writer, "editor");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(writer.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoSeriousViolations(writer, "editor with errors");
        await writer.GotoAsync("/journals/new");
        await AssertNoSeriousViolations(writer, "new journal");
    }

    private async Task<IPage> SignInAsync(Web.Accounts.AppUser user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(AppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task AssertNoSeriousViolations(IPage page, string where)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{where}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HsctJournals.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
