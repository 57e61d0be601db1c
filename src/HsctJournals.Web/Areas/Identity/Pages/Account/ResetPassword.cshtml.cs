using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link in the "reset your password" mail. Replaces Identity UI's page, which asked for the address again; the
/// link names the account, so the form asks only for the new password. A reset rotates the security stamp, so every
/// session of the account ends (someone who had the old password is signed out), and the person then signs in.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public bool Failed { get; private set; }

    [TempData] public string? StatusMessage { get; set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || AccountLinks.Decode(Code) is null) return Fail();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (next, again) = (NewPassword, ConfirmPassword);
        (NewPassword, ConfirmPassword) = (null, null);
        var token = AccountLinks.Decode(Code);
        var user = string.IsNullOrEmpty(UserId) || token is null ? null : await users.FindByIdAsync(UserId);
        if (user is null) return Fail();
        if (string.IsNullOrEmpty(next)) ModelState.AddModelError(nameof(NewPassword), "Choose a new password.");
        else if (next != again) ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords are not the same.");
        if (!ModelState.IsValid) return Page();

        var result = await users.ResetPasswordAsync(user, token!, next!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return Fail();
            foreach (var error in result.Errors) ModelState.AddModelError(nameof(NewPassword), error.Description);
            return Page();
        }
        StatusMessage = "Your password is changed, and every browser that was signed in to your account is signed out. Sign in with the new password.";
        return RedirectToPage("./Login");
    }

    private PageResult Fail()
    {
        Failed = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
