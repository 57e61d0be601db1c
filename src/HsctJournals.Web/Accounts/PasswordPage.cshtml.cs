using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Changing the password. The change rotates the security stamp, which ends every other session (issue 8, fix 2);
/// this browser's cookie is renewed so it stays signed in. Passwords are never sent back to the browser.
/// </summary>
[Authorize]
public sealed class PasswordPageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountThrottle throttle) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public bool Changed { get; private set; }

    public IActionResult OnGet(bool changed)
    {
        Changed = changed;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var (current, next, again) = (CurrentPassword, NewPassword, ConfirmPassword);
        (CurrentPassword, NewPassword, ConfirmPassword) = (null, null, null);
        if (string.IsNullOrEmpty(current)) ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password.");
        if (string.IsNullOrEmpty(next)) ModelState.AddModelError(nameof(NewPassword), "Choose a new password.");
        else if (next != again) ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords are not the same.");
        if (!ModelState.IsValid) return Page();
        if (await throttle.RefusePasswordTryAsync(HttpContext, user.Email ?? user.Id) is { } refused)
        {
            ModelState.AddModelError(nameof(CurrentPassword), refused);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "That password is not right." : error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/password?changed=true");
    }
}
