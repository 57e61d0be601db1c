using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Where every registration ends, whether the address was free or already had an account (issue 8, fix 5), so the
/// page cannot tell anyone which. Replaces Identity UI's page, which took the address in the query string and
/// looked it up.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    public void OnGet() { }
}
