using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of signing in with two-factor on: the code from the authenticator app. Replaces Identity UI's page
/// (which answered 500 when opened without the first step). Wrong codes count towards Identity's lockout, which here
/// covers second-factor codes only (decision 0025). The sign-in goes through <see cref="SessionSignInManager"/>.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, ILogger<LoginWith2faModel> log) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool RememberMachine { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
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
        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length != 6) ModelState.AddModelError(nameof(Code), "Enter the 6 digits your authenticator app shows.");
        // RememberMe is carried over from the sign-in page in a hidden field, where no one can correct it: one that is
        // not true/false came from no form of ours and is read as false (a cookie that ends with the browser session).
        ModelState.Remove(nameof(RememberMe));
        // A RememberMachine that is not true/false is shown beside its box, not read as false; no code is tried
        // then, so it does not count towards the lockout.
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.IsLockedOut)
        {
            log.LogWarning("An account was locked after wrong second-factor codes.");
            return RedirectToPage("./Lockout");
        }
        ModelState.AddModelError(nameof(Code), "That code is not right. Enter the 6 digits your app shows now.");
        return Page();
    }

    private RedirectToPageResult StartAgain() => RedirectToPage("./Login", new { returnUrl = ReturnUrl == SignInReturn.Home ? null : ReturnUrl });
}
