using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Where the cookie scheme sends a signed-in person who is forbidden a page. Our own text instead of Identity
/// UI's; it names no page or journal, so it leaks nothing (a journal you may not read answers 404 anyway).
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
