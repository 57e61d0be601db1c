using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Photos;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>Adding photos in the post editor in real Chromium, with JavaScript off and on; axe-core on the pages that show them.</summary>
public sealed class PhotoBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static FilePayload Png(string name, int width) => new() { Name = name, MimeType = "image/png", Buffer = PhotoKit.Png(width, 400) };

    [Fact]
    public async Task Without_javascript_a_writer_uploads_two_photos_keeps_the_text_and_publishes_them()
    {
        var owner = await browser.App.CreateUserAsync("Nora Nojs");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Public, "Garden Journal");
        var page = await BrowserChecks.SignInAsync(() => browser.NewPageAsync(javaScript: false), owner);
        await page.GotoAsync($"/j/{journal.Slug}/write");
        await page.GetByLabel("Title").FillAsync("Day +30: the garden");
        await page.GetByLabel("Text (Markdown)").FillAsync("We sat outside for an hour.");
        await page.GetByLabel("Alt text").FillAsync("Roses by the back door");
        await page.GetByLabel("Photos", new() { Exact = true }).SetInputFilesAsync([Png("roses.png", 700), Png("door.png", 701)]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and add to the text" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added 2 photos to the end of your text");
        var text = await page.GetByLabel("Text (Markdown)").InputValueAsync();
        Assert.StartsWith("We sat outside for an hour.\n\n![Roses by the back door](photo:", text.ReplaceLineEndings("\n"));
        Assert.Equal(2, text.Split("](photo:").Length - 1);
        Assert.Equal("Day +30: the garden", await page.GetByLabel("Title").InputValueAsync());

        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Day +30: the garden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Roses by the back door" })).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task With_javascript_a_dropped_photo_goes_where_the_cursor_is_with_a_progress_bar_and_the_pages_pass_axe()
    {
        var owner = await browser.App.CreateUserAsync("Jo Script");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Public, "Drop Journal");
        var page = await BrowserChecks.SignInAsync(() => browser.NewPageAsync(true, o => o.ReducedMotion = ReducedMotion.Reduce), owner);
        await page.GotoAsync($"/j/{journal.Slug}/write");
        await page.GetByLabel("Title").FillAsync("Day 0");
        var text = page.GetByLabel("Text (Markdown)");
        await text.FillAsync("Before.\nAfter.");
        await text.EvaluateAsync("t => { t.focus(); t.setSelectionRange(8, 8); t.dispatchEvent(new Event('select')); }");

        // Without alt text the script refuses and says why.
        await DropAsync(page, "bag.png", PhotoKit.Png(640, 480));
        await Assertions.Expect(page.Locator(".photo-progress li.refused")).ToContainTextAsync("Write the alt text first");

        await page.GetByLabel("Alt text").FillAsync("The bag of cells");
        await DropAsync(page, "bag.png", PhotoKit.Png(642, 480));
        await Assertions.Expect(page.Locator(".photo-progress li.added")).ToContainTextAsync("added to the text");
        Assert.Equal(100, await page.Locator(".photo-progress li.added progress").EvaluateAsync<int>("p => p.value"));
        var value = await text.InputValueAsync();
        Assert.Matches(@"^Before\.\n!\[The bag of cells\]\(photo:\d+\)\n\nAfter\.$", value);

        // Choosing a file with the input uploads it at once too.
        await page.GetByLabel("Photos", new() { Exact = true }).SetInputFilesAsync([Png("walk.png", 703)]);
        await Assertions.Expect(page.Locator(".photo-progress li.added")).ToHaveCountAsync(2);

        // Reduced motion: the drop highlight does not animate.
        Assert.Equal("0s", await page.Locator("#photo-add").EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration"));

        await Assertions.Expect(page.Locator("#live-preview figure").First).ToBeVisibleAsync();
        await BrowserChecks.AssertNoSeriousViolationsAsync(page, "editor with photos");
        await page.GotoAsync($"/j/{journal.Slug}/photos");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All photos (2)" })).ToBeVisibleAsync();
        await BrowserChecks.AssertNoSeriousViolationsAsync(page, "Photos page");
    }

    [Fact]
    public async Task A_gallery_opens_by_keyboard_moves_with_the_arrow_keys_and_gives_the_focus_back_on_escape()
    {
        var owner = await browser.App.CreateUserAsync("Gail Gallery");
        var journal = await browser.App.CreateJournalAsync(owner, JournalVisibility.Public, "Gallery Journal");
        var alts = new[] { "The line going in", "The bag of cells", "The first walk outside" };
        var photos = new List<HsctJournals.Web.Photos.Photo>();
        for (var i = 0; i < alts.Length; i++)
            photos.Add(await browser.App.UploadOkAsync(journal, owner, PhotoKit.Png(1800 + i, 1200), $"p{i}.png", alts[i], caption: i == 1 ? "Day 0" : null));
        var post = await browser.App.CreatePostAsync(journal, owner, "Three photos",
            "Before.\n\n" + string.Join("\n", photos.Select((p, i) => $"![{alts[i]}](photo:{p.Id})")));

        // Without JavaScript the thumbnail is a link to the full-size picture.
        var plain = await browser.NewPageAsync(javaScript: false);
        await plain.GotoAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        var href = await plain.Locator(".gallery a.photo-full").First.GetAttributeAsync("href");
        Assert.Matches("^/photos/[0-9a-f]{64}\\.jpg$", href);
        Assert.Equal(200, (await plain.GotoAsync(href!))!.Status);

        var page = await browser.NewPageAsync(true, o => o.ReducedMotion = ReducedMotion.Reduce);
        await page.GotoAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        await BrowserChecks.TabToAsync(page, ".gallery a.photo-full");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Photo viewer" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Img, new() { Name = alts[0] })).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Photo 1 of 3");
        Assert.Equal(href, await dialog.Locator("img").GetAttributeAsync("src"));
        Assert.True(await dialog.Locator("img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the full-size picture did not load");
        Assert.Equal("Close", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        // Reduced motion: no fade.
        Assert.Equal("none", await dialog.EvaluateAsync<string>("d => getComputedStyle(d).animationName"));
        await BrowserChecks.AssertNoSeriousViolationsAsync(page, "post with the lightbox open");

        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Img, new() { Name = alts[1] })).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Photo 2 of 3");
        await Assertions.Expect(dialog.Locator("figcaption")).ToHaveTextAsync("Day 0");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight"); // already the last: stays
        await Assertions.Expect(dialog).ToContainTextAsync("Photo 3 of 3");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(dialog).ToContainTextAsync("Photo 2 of 3");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        // Focus is back on the thumbnail of the photo last shown, visibly. The browser first gives it back to the
        // opener and the dialog's "close" event moves it a task later: wait for it rather than read it at once.
        await Assertions.Expect(page.Locator(".gallery a.photo-full").Nth(1)).ToBeFocusedAsync();
        Assert.Equal($"{alts[1]} (full size)", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));
        await BrowserChecks.AssertFocusVisibleAsync(page);

        // Without reduced motion it fades in.
        var moving = await browser.NewPageAsync(true, o => o.ReducedMotion = ReducedMotion.NoPreference);
        await moving.GotoAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        await BrowserChecks.AssertNoSeriousViolationsAsync(moving, "post with a gallery");
        await moving.Locator(".gallery a.photo-full").Nth(2).ClickAsync();
        await Assertions.Expect(moving.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Photo 3 of 3");
        Assert.Equal("lightbox-in", await moving.Locator("dialog.lightbox").EvaluateAsync<string>("d => getComputedStyle(d).animationName"));
    }

    /// <summary>Drops a file on the editor's text as a person dragging it from their files would.</summary>
    private static Task DropAsync(IPage page, string name, byte[] bytes) =>
        page.Locator("textarea[name='Input.Markdown']").EvaluateAsync(
            """
            (t, [b64, name]) => {
                const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], name, { type: "image/png" }));
                for (const type of ["dragenter", "dragover", "drop"])
                    t.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """, new object[] { Convert.ToBase64String(bytes), name });
}
