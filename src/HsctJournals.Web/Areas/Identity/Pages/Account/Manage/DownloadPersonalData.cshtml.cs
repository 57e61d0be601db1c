using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Identity UI's download gives only the sign-in record; "Your data" (/account/data, in Portability)
/// gives everything, so Identity's own pages lead there.
/// </summary>
[Authorize]
public sealed class DownloadPersonalDataRedirectModel : PageModel
{
    public IActionResult OnGet() => Redirect("/account/data");
    public IActionResult OnPost() => Redirect("/account/data");
}
