using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>The signed-in user changes their public display name and their time zone.</summary>
[Authorize]
public sealed class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Caching.PageCacheEviction cache) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? TimeZoneId { get; set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;
        TimeZoneId = TimeZones.IsKnown(user.TimeZoneId) ? user.TimeZoneId : TimeZones.Default;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var name = DisplayNames.Validate(DisplayName, out var nameError);
        if (nameError is not null) ModelState.AddModelError(nameof(DisplayName), nameError);
        if (!TimeZones.IsKnown(TimeZoneId)) ModelState.AddModelError(nameof(TimeZoneId), "Choose a time zone from the list.");
        if (!ModelState.IsValid) return Page();

        user.DisplayName = name!;
        user.TimeZoneId = TimeZoneId!;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "Your profile could not be saved. Please try again.");
            return Page();
        }
        // The display name is on posts and comments in any journal, the time zone groups a journal's archive.
        await cache.SiteChangedAsync();
        // The sign-in cookie carries a security stamp; refreshing keeps this session valid.
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/profile?saved=true");
    }
}
