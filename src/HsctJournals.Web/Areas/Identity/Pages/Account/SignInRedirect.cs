using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Stands in for Identity UI's pages that only lead back to signing in: "password reset" (ours,
/// <see cref="ResetPasswordModel"/>, ends on the sign-in page), "check your e-mail" after forgot-password (ours
/// answers on its own page) and external sign-in (this site has no external providers, so its POST would fail).
/// </summary>
[AllowAnonymous]
public sealed class SignInRedirectModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("./Login");
    public IActionResult OnPost() => RedirectToPage("./Login");
}
