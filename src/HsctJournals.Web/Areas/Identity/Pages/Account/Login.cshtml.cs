using Microsoft.AspNetCore.Authentication;
using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's sign-in page so wrong passwords count towards lockout (Identity's own
/// page passes <c>lockoutOnFailure: false</c>): five wrong tries lock the account for 15 minutes.
/// Otherwise it behaves as Identity's page: two-factor, lockout page, return URL.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, LoginRateLimit limit, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = "/";
    /// <summary>Set by Identity's external-login pages when they send people back here.</summary>
    [TempData] public string? ErrorMessage { get; set; }

    /// <summary>The sign-in form; the password is never sent back.</summary>
    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage)) ModelState.AddModelError("", ErrorMessage);
        ReturnUrl = LocalOrHome(returnUrl);
        // A half-finished external sign-in must not linger.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", "Enter your e-mail address.");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Enter your password.");
        if (!ModelState.IsValid) return Page();
        var (allowed, retryAfter) = await limit.TryAttemptAsync(HttpContext);
        if (!allowed)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", $"Too many sign-in attempts from your address. Please wait {retryAfter} seconds and try again.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            log.LogWarning("An account was locked out after repeated wrong passwords.");
            return RedirectToPage("./Lockout");
        }
        // One message for a wrong address and a wrong password, so the form does not confirm who has an account.
        ModelState.AddModelError("", "The e-mail address or password is not right.");
        return Page();
    }

    private string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
