using HsctJournals.Domain.Comments;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>Commenting in real Chromium, with and without JavaScript, and axe-core on the comment screens.</summary>
public sealed class CommentBrowserTests(CommentsBrowserFixture browser) : IClassFixture<CommentsBrowserFixture>
{
    private AppFactory App => browser.App;

    [Fact]
    public async Task A_visitor_comments_and_replies_six_levels_deep_with_javascript()
    {
        var (_, journal, post) = await App.OpenJournalAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(CommentKit.PathOf(journal, post));
        await FillAsync(page, "Congratulations on engrafting!", "Vera Visitor", CommentKit.NewEmail("vera"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 comment" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".comment-text").First).ToHaveTextAsync("Congratulations on engrafting!");
        // The avatar is an inline SVG whose initials take their font from site.css (decision 0067).
        var initials = page.Locator(".comment-meta .avatar svg text").First;
        await Assertions.Expect(initials).ToHaveTextAsync("VV");
        await Assertions.Expect(initials).ToHaveCSSAsync("font-weight", "600");

        var email = CommentKit.NewEmail("deep");
        for (var level = 2; level <= 7; level++)
        {
            var last = page.Locator("li.comment").Last;
            await last.Locator("a.comment-reply").First.ClickAsync();
            // The form moved under the comment without loading a page.
            await Assertions.Expect(last.Locator("#respond")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-replying]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-replying-name]")).ToHaveTextAsync(level == 2 ? "Vera Visitor" : "Deep Diver");
            Assert.DoesNotContain("replyto", page.Url);
            await FillAsync(page, $"Reply at level {level}", "Deep Diver", email, nameNeeded: level == 2);
            await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{level} comments" })).ToBeVisibleAsync();
        }
        // Default depth 5: levels 6 and 7 sit at level 5, each saying whom it answers.
        await Assertions.Expect(page.Locator("ol.comment-list > li ol.children ol.children ol.children ol.children > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("li.comment").Last.Locator(".in-reply-to")).ToContainTextAsync("in reply to Deep Diver");
        await Assertions.Expect(page.Locator(".comment-text").Last).ToHaveTextAsync("Reply at level 7");
    }

    [Fact]
    public async Task A_validation_error_keeps_the_text_and_points_at_the_field()
    {
        var (_, journal, post) = await App.OpenJournalAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(CommentKit.PathOf(journal, post));
        await FillAsync(page, "Words worth keeping", "Val Idation", "not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Comment *")).ToHaveValueAsync("Words worth keeping");
        await Assertions.Expect(page.GetByLabel("Email *")).ToHaveAttributeAsync("aria-describedby", "comment-note Input_AuthorEmail-error");
        await Assertions.Expect(page.Locator("#Input_AuthorEmail-error")).ToContainTextAsync("valid e-mail address");
        await AssertNoSeriousViolationsAsync(page, "comment form with errors");
    }

    [Fact]
    public async Task The_owner_approves_a_held_comment_and_the_visitor_sees_it_published()
    {
        var (owner, journal, post) = await App.OpenJournalAsync(hold: HoldRule.Always);
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(CommentKit.PathOf(journal, post));
        await FillAsync(visitor, "Please let this through", "Hope Held", CommentKit.NewEmail("hope"));
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("Your comment is awaiting moderation.")).ToBeVisibleAsync();

        var moderator = await browser.SignInAsync(owner);
        await moderator.GotoAsync($"/j/{journal.Slug}");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Comments (1 pending)" }).ClickAsync();
        await Assertions.Expect(moderator.GetByText("Please let this through")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(moderator, "moderation queue");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Approve (comment by Hope Held)" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 comment approved.");

        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "1 comment" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Your comment is awaiting moderation.")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_whole_comment_flow_works_with_javascript_off()
    {
        var (_, journal, post) = await App.OpenJournalAsync();
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(CommentKit.PathOf(journal, post));
        await FillAsync(page, "No scripts here", "Plain Pat", CommentKit.NewEmail("plain"));
        await page.GetByLabel("Save my name").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 comment" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Reply to Plain Pat" }).ClickAsync();
        Assert.Contains("replyto=", page.Url);
        await Assertions.Expect(page.Locator("[data-replying]")).ToContainTextAsync("Replying to Plain Pat");
        await Assertions.Expect(page.Locator("blockquote.reply-quote")).ToHaveTextAsync("No scripts here");
        await Assertions.Expect(page.GetByLabel("Name *")).ToHaveValueAsync("Plain Pat"); // remembered
        await page.GetByLabel("Comment *").FillAsync("Answering myself, no JavaScript");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2 comments" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.children .comment-text")).ToHaveTextAsync("Answering myself, no JavaScript");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reply to Plain Pat" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel reply" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-replying]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_post_with_a_thread_has_no_serious_accessibility_violations()
    {
        var (_, journal, post) = await App.OpenJournalAsync();
        int? parent = null;
        foreach (var (name, text) in new[] { ("Ann Ash", "First thoughts https://example.org"), ("Ben Birch", "A reply"), ("Cy Cedar", "Deeper\n\nTwo paragraphs") })
            parent = (await App.AddCommentAsync(journal, post, name, CommentKit.NewEmail(), text, parent)).Comment!.Id;
        await App.AddCommentAsync(journal, post, "Dee Dogwood", CommentKit.NewEmail(), "Another thread", null);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(CommentKit.PathOf(journal, post));
        await AssertNoSeriousViolationsAsync(page, "post with a thread");
        await page.GotoAsync(CommentKit.PathOf(journal, post) + $"?replyto={parent}");
        await AssertNoSeriousViolationsAsync(page, "reply form without JavaScript");
    }

    private static async Task FillAsync(IPage page, string text, string name, string email, bool nameNeeded = true)
    {
        await page.GetByLabel("Comment *").FillAsync(text);
        if (!nameNeeded && await page.GetByLabel("Name *").InputValueAsync() != "") return;
        await page.GetByLabel("Name *").FillAsync(name);
        await page.GetByLabel("Email *").FillAsync(email);
    }
}
