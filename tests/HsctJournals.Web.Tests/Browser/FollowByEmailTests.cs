using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HsctJournals.Web.Followers;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;
using static HsctJournals.Web.Tests.Notifications.NotificationTestData;
using Eventually = HsctJournals.Web.Tests.Notifications.Eventually;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>
/// Following a journal by e-mail from a post page in real Chromium, the mail arriving on a real SMTP
/// server: double opt-in, a post mail, unsubscribing from it; axe-core and keyboard use of the form.
/// </summary>
public sealed class FollowByEmailTests(MailingBrowserFixture browser) : IClassFixture<MailingBrowserFixture>
{
    private MailingKestrelApp App => browser.App;

    [Fact]
    public async Task A_visitor_without_javascript_follows_confirms_gets_a_post_and_unsubscribes()
    {
        var (owner, journal, post) = await JournalWithPostAsync();
        var address = NewAddress("nojs");
        var page = await browser.NewPageAsync(javaScript: false);

        await page.GotoAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        var follow = page.GetByRole(AriaRole.Complementary, new() { Name = "Follow by e-mail" });
        await follow.GetByLabel("E-mail address").FillAsync(address);
        await follow.GetByLabel("An e-mail for each new post").CheckAsync();
        await follow.GetByRole(AriaRole.Button, new() { Name = "Follow" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we have sent it a message with a link to confirm");

        // axe-core runs as page script, so it checks these pages in a second tab with JavaScript on;
        // opening a link only asks, so looking at a page there changes nothing.
        var axeTab = await browser.NewPageAsync();
        var confirmMail = Assert.Single(await Eventually.MailAsync(App.Mail, address));
        var confirmPath = LinkPath(confirmMail, "/follow/confirm/");
        await axeTab.GotoAsync(confirmPath);
        await AssertNoSeriousViolationsAsync(axeTab, "confirm page");
        await page.GotoAsync(confirmPath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, follow this journal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"You follow “{journal.Title}”");
        await axeTab.GotoAsync(confirmPath);
        await Assertions.Expect(axeTab.GetByRole(AriaRole.Status)).ToContainTextAsync("You follow");
        await AssertNoSeriousViolationsAsync(axeTab, "confirmed page");

        var news = await App.CreatePostAsync(journal, owner, "Day +12: home", "Discharged this morning.");
        var postMail = (await Eventually.MailAsync(App.Mail, address, 2))[1];
        Assert.Contains($"/posts/{news.Slug}", Text(postMail));
        var unsubscribePath = LinkPath(postMail, "/unsubscribe/");
        await axeTab.GotoAsync(unsubscribePath);
        await AssertNoSeriousViolationsAsync(axeTab, "unsubscribe page");
        await page.GotoAsync(unsubscribePath);
        await Assertions.Expect(page.GetByText($"Stop e-mail about new posts in “{journal.Title}”?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done: no more e-mail about new posts");

        Assert.False(await FollowsAsync(journal, address));
    }

    [Fact]
    public async Task The_follow_form_has_no_serious_violations_normally_and_in_error_state()
    {
        var (_, journal, post) = await JournalWithPostAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        await AssertNoSeriousViolationsAsync(page, "post page with the follow form");

        var follow = page.GetByRole(AriaRole.Complementary, new() { Name = "Follow by e-mail" });
        await follow.GetByLabel("E-mail address").FillAsync("not an address");
        await follow.GetByRole(AriaRole.Button, new() { Name = "Follow" }).ClickAsync();

        var email = page.GetByLabel("E-mail address");
        await Assertions.Expect(email).ToHaveValueAsync("not an address");
        await Assertions.Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(email).ToHaveAccessibleDescriptionAsync("Enter an e-mail address like name@example.org.");
        await AssertNoSeriousViolationsAsync(page, "follow form with an error");
    }

    [Fact]
    public async Task The_follow_form_works_with_the_keyboard_alone_and_shows_where_the_focus_is()
    {
        var (_, journal, post) = await JournalWithPostAsync();
        var address = NewAddress("keys");
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/j/{journal.Slug}/posts/{post.Slug}");

        await TabToAsync(page, "#follow-email");
        await page.Keyboard.TypeAsync(address);
        await TabToAsync(page, "input[name=Frequency][value=Instant]", maxTabs: 1);
        await page.Keyboard.PressAsync("ArrowDown");
        await AssertFocusVisibleAsync(page);
        await Assertions.Expect(page.GetByLabel("One daily digest")).ToBeCheckedAsync();
        await TabToAsync(page, "aside.follow button[type=submit]", maxTabs: 1);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we have sent it a message with a link to confirm");

        var frequency = await App.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Followers
            .Where(f => f.JournalId == journal.Id && f.Email == address).Select(f => (FollowFrequency?)f.Frequency).SingleOrDefaultAsync());
        Assert.Equal(FollowFrequency.DailyDigest, frequency);
    }

    private async Task<(Web.Shared.AppUser Owner, Journal Journal, Post Post)> JournalWithPostAsync()
    {
        var owner = await App.CreateUserAsync("Fern Owner");
        var journal = await App.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await App.CreatePostAsync(journal, owner, "Day +9: counts up", "Neutrophils 0.6.", publishAtUtc: DateTime.UtcNow.AddHours(-2));
        return (owner, journal, post);
    }

    private Task<bool> FollowsAsync(Journal journal, string address) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().Followers.AnyAsync(f => f.JournalId == journal.Id && f.Email == address));
}
