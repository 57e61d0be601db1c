using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Admin;

/// <summary>
/// What the admin pages share: a notice after a redirect, an error shown in place. Access is decided once for
/// the whole folder (<see cref="AdminOnlyFilter"/>), never here.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>The outcome of the last action, shown once after the redirect.</summary>
    [TempData] public string? Notice { get; set; }
    public string? Error { get; protected set; }

    /// <summary>Runs one action: success redirects back to this page (a reload does not repeat it); failure shows the page with the reason.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<AdminResult>> action, Func<Task> reload)
    {
        var result = await action();
        if (result.Succeeded)
        {
            Notice = result.Message;
            return Redirect(Request.Path);
        }
        Error = result.Message;
        Notice = null;
        await reload();
        return Page();
    }
}
