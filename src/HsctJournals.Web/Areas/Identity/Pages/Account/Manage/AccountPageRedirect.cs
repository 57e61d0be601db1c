using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Stands in for Identity UI's account pages that ours replace (build 1), so old links and bookmarks reach the new
/// page and the stock one (which offered a phone number and the user name) is no longer reachable.
/// </summary>
[Authorize]
public sealed class AccountPageRedirectModel : PageModel
{
    /// <summary>Stock page (its path inside the Identity area) → ours.</summary>
    public static readonly IReadOnlyDictionary<string, string> Targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Manage/Index"] = "/account/profile",
        ["/Account/Manage/ExternalLogins"] = "/account/profile",
        ["/Account/Manage/Email"] = "/account/email",
        ["/Account/Manage/ChangePassword"] = "/account/password",
        ["/Account/Manage/SetPassword"] = "/account/password",
    };

    public IActionResult OnGet() => Redirect(Targets.GetValueOrDefault(PageContext.ActionDescriptor.ViewEnginePath, "/account/profile"));
}
