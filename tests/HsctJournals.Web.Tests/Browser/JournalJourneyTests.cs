using Deque.AxeCore.Playwright;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>
/// A new user's whole first visit in real Chromium: register, start a journal, write in Markdown,
/// preview, publish, then read it as an anonymous stranger. Elements are found by role and label,
/// as assistive technology finds them.
/// </summary>
public sealed class JournalJourneyTests(MailingBrowserFixture browser) : IClassFixture<MailingBrowserFixture>
{
    [Fact]
    public async Task A_new_patient_registers_writes_and_a_stranger_reads_the_post()
    {
        var page = await browser.NewPageAsync();
        var email = $"patient-{Guid.NewGuid():N}@tests.invalid";

        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("Display name *").FillAsync("Pat Browser");
        await page.GetByLabel("E-mail address *").FillAsync(email);
        await page.GetByLabel("Password *", new() { Exact = true }).FillAsync(AppFactory.Password);
        await page.GetByLabel("Confirm password *").FillAsync(AppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();
        // The address is confirmed with the button behind the mailed link, then the new patient signs in.
        var link = Accounts.Html.LinkIn(await browser.App.Mail.WaitForAsync(email, "Confirm"), "/Identity/Account/ConfirmEmail");
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your e-mail address is confirmed.");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My journals" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GotoAsync("/journals/new");
        await page.GetByLabel("Title *").FillAsync("Browser Journey");
        await page.GetByLabel("Public — listed on the site").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create journal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser Journey" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Write a post" }).ClickAsync();
        await page.GetByLabel("Title *").FillAsync("Day 0: cells back");
        await page.GetByLabel("Text (Markdown) *").FillAsync("The bag was **tiny**.\n\n- 5.8 million cells per kg\n- one hour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#live-preview strong")).ToHaveTextAsync("tiny");
        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Day 0: cells back" })).ToBeVisibleAsync();

        var stranger = await browser.NewPageAsync(javaScript: false);
        await stranger.GotoAsync("/");
        await stranger.GetByRole(AriaRole.Link, new() { Name = "Browser Journey", Exact = true }).ClickAsync();
        await stranger.GetByRole(AriaRole.Link, new() { Name = "Day 0: cells back", Exact = true }).ClickAsync();
        await Assertions.Expect(stranger.Locator(".post-body li").First).ToHaveTextAsync("5.8 million cells per kg");

        // Found through search…
        await stranger.GotoAsync("/search");
        await stranger.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("cells");
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(stranger.GetByRole(AriaRole.Link, new() { Name = "Day 0: cells back" })).ToBeVisibleAsync();

        // …and through the feed the page advertises.
        await stranger.GotoAsync("/j/browser-journey");
        var feedHref = await stranger.Locator("link[rel=alternate][type='application/rss+xml']").GetAttributeAsync("href");
        var feed = await stranger.APIRequest.GetAsync(feedHref!);
        Assert.Contains("Day 0: cells back", await feed.TextAsync());
    }
}
