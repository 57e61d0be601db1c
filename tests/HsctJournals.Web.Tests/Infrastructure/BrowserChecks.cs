using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HsctJournals.Web.Accounts;
using Microsoft.Playwright;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>Checks shared by browser tests: axe-core, visible keyboard focus, horizontal overflow, signing in.</summary>
internal static class BrowserChecks
{
    /// <summary>
    /// axe-core finds no serious or critical violation on the page as it is now. axe runs as page script:
    /// on a page with JavaScript off it would wait for ever, hence the time limit.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        AxeResult result = await page.RunAxe().WaitAsync(TimeSpan.FromSeconds(60));
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{where}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>
    /// Presses Tab until the element matching <paramref name="selector"/> has the focus (failing after
    /// <paramref name="maxTabs"/>), then checks the focus is visible: <c>:focus-visible</c> matches and
    /// the computed outline is drawn.
    /// </summary>
    public static async Task TabToAsync(IPage page, string selector, int maxTabs = 60)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) break;
        }
        Assert.True(await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector),
            $"Tab never reached {selector}");
        await AssertFocusVisibleAsync(page);
    }

    /// <summary>The focused element matches <c>:focus-visible</c> and has a drawn outline.</summary>
    public static async Task AssertFocusVisibleAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<string[]>(
            "() => { const e = document.activeElement, s = getComputedStyle(e); return [e.outerHTML.slice(0, 80), String(e.matches(':focus-visible')), s.outlineStyle, s.outlineWidth]; }");
        Assert.True(focus[1] == "true", $"{focus[0]} does not match :focus-visible");
        Assert.True(focus[2] != "none" && focus[3] != "0px", $"{focus[0]} has no visible focus outline ({focus[2]} {focus[3]})");
    }

    /// <summary>The page does not scroll sideways (WCAG 1.4.10 reflow at the current viewport width).</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page, string where)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1]) return;
        var culprits = await page.EvaluateAsync<string[]>(
            "() => { const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]" +
            ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('[role=region][tabindex]'))" +
            ".slice(0, 5).map(e => e.outerHTML.slice(0, 120)); }");
        Assert.Fail($"{where}: scrollWidth {widths[0]} > clientWidth {widths[1]}; widest: {string.Join(" | ", culprits)}");
    }

    /// <summary>Signs <paramref name="user"/> in through the real login form on a new page.</summary>
    public static async Task<IPage> SignInAsync(Func<Task<IPage>> newPage, AppUser user)
    {
        var page = await newPage();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(AppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }
}
