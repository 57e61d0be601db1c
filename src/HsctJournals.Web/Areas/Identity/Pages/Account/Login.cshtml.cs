using Microsoft.AspNetCore.Authentication;
using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's sign-in page. Guessing is slowed per client address (<see cref="LoginRateLimit"/>) and
/// per typed address from browsers that have not signed in to it before (<see cref="AccountThrottle"/>); nothing
/// locks the owner out, and every answer is the same for an address with or without an account (issue 8, fix 5).
/// Otherwise it behaves as Identity's page: two-factor, return URL. Without a return URL it lands on My journals.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, LoginRateLimit limit, AccountThrottle throttle, Passkeys passkeys, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = SignInReturn.Home;
    /// <summary>A message from the page that sent people here (e.g. "your address is confirmed").</summary>
    [TempData] public string? StatusMessage { get; set; }
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
        // ModelState is kept: the address comes back as typed, the password never does (FieldTagHelper), and a
        // "keep me signed in" that is not true/false is shown beside the box rather than read as false.
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", "Enter your e-mail address.");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Enter your password.");
        if (!ModelState.IsValid) return Page();
        var (allowed, retryAfter) = await limit.TryAttemptAsync(HttpContext);
        if (!allowed) return TooMany(retryAfter, $"Too many sign-in attempts from your address. Please wait {retryAfter} seconds and try again.");
        (allowed, retryAfter) = await throttle.TryAttemptAsync(HttpContext, Input.Email!);
        if (!allowed)
            return TooMany(retryAfter, "Too many sign-in attempts for this e-mail address from browsers it has not used before. " +
                                       $"Please wait {retryAfter} seconds, or sign in on a device where you have signed in before.");

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        // Both come only after the right password (SessionSignInManager checks it first), so they reveal nothing.
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", "Your e-mail address is not confirmed yet. Use the link in the e-mail we sent you, or send it again below.");
            return Page();
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("A sign-in with the right password met a locked account (wrong second-factor codes or an administrator).");
            return RedirectToPage("./Lockout");
        }
        // One message for a wrong address and a wrong password, so the form does not confirm who has an account.
        ModelState.AddModelError("", "The e-mail address or password is not right.");
        return Page();
    }

    /// <summary>The options for "Sign in with a passkey", as JSON for <c>navigator.credentials.get</c> (fetched by js/passkeys.js).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        Response.Headers.CacheControl = "no-store";
        return Content(await passkeys.RequestOptionsAsync(), "application/json");
    }

    /// <summary>
    /// Signs in with a passkey. Only the per-client-address limit applies: a passkey cannot be guessed, so the
    /// per-account slowing (<see cref="AccountThrottle"/>) never keeps its owner out (issue 8, fix 5).
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson, string? returnUrl = null)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        var (allowed, retryAfter) = await limit.TryAttemptAsync(HttpContext);
        if (!allowed) return TooMany(retryAfter, $"Too many sign-in attempts from your address. Please wait {retryAfter} seconds and try again.");
        var result = await passkeys.SignInAsync(credentialJson);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", "Your e-mail address is not confirmed yet. Use the link in the e-mail we sent you, or send it again below.");
            return Page();
        }
        if (result.IsLockedOut) return RedirectToPage("./Lockout");
        ModelState.AddModelError("", string.IsNullOrWhiteSpace(credentialJson) ? Passkeys.NoCredentialToSignIn
            : "That passkey did not work here. It may have been removed from your account; sign in with your password instead.");
        return Page();
    }

    /// <summary>429 with Retry-After and the form again (the typed address kept).</summary>
    private PageResult TooMany(int retryAfter, string message)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ModelState.AddModelError("", message);
        return Page();
    }

    private string LocalOrHome(string? returnUrl) => SignInReturn.LocalOrHome(Url, returnUrl);
}
