using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>Identity UI's "password reset" page; ours (<see cref="ResetPasswordModel"/>) ends on the sign-in page instead.</summary>
[AllowAnonymous]
public sealed class ResetPasswordConfirmationModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("./Login");
}
