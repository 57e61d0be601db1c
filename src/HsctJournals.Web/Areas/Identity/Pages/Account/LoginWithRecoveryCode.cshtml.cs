using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of signing in with a recovery code instead of the app's code. Replaces Identity UI's page (500
/// without the first step). Each code works once; the sign-in goes through <see cref="SessionSignInManager"/>.
/// </summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, ILogger<LoginWithRecoveryCodeModel> log) : PageModel
{
    [BindProperty] public string? RecoveryCode { get; set; }
    public string ReturnUrl { get; private set; } = SignInReturn.Home;

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = SignInReturn.LocalOrHome(Url, returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = SignInReturn.LocalOrHome(Url, returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return StartAgain();
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        RecoveryCode = null;
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter one of your recovery codes.");
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.IsLockedOut)
        {
            log.LogWarning("An account was locked after wrong recovery codes.");
            return RedirectToPage("./Lockout");
        }
        ModelState.AddModelError(nameof(RecoveryCode), "That recovery code is not right, or it was used before.");
        return Page();
    }

    private RedirectToPageResult StartAgain() => RedirectToPage("./Login", new { returnUrl = ReturnUrl == SignInReturn.Home ? null : ReturnUrl });
}
