using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Stands in for Identity UI's two-factor pages (EnableAuthenticator made a key and rotated the security stamp on
/// GET), so old links and bookmarks reach our own page, <c>/account/two-factor</c>, and change nothing.
/// </summary>
[Authorize]
public sealed class TwoFactorRedirectModel : PageModel
{
    public IActionResult OnGet() => Redirect("/account/two-factor");
}
