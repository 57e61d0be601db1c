using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Sends Identity UI's "Delete" button to the account deletion that knows about journals and comments.</summary>
[Authorize]
public sealed class DeletePersonalDataRedirectModel : PageModel
{
    public IActionResult OnGet() => Redirect("/account/delete");
    public IActionResult OnPost() => Redirect("/account/delete");
}
