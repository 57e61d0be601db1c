using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability.YourComments;

/// <summary>A commenter without an account asks for a link to their comments; the answer is the same whether or not the address wrote any.</summary>
public sealed class YourCommentsModel(CommentsByAddress comments, CommentLinkRateLimit limits) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var address = Email?.Trim() ?? "";
        if (!JournalMembership.IsEmail(address))
        {
            ModelState.AddModelError(nameof(Email), JournalMembership.NotAnEmailMessage);
            return Page();
        }
        if (!await limits.ClientMayAskAsync(HttpContext, ct))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(nameof(Email), "Too many links were asked for from your connection. Wait a quarter of an hour, then try again.");
            return Page();
        }
        var normalised = CommentsByAddress.Normalise(address);
        if (await limits.AddressMayGetMailAsync(HttpContext, normalised, ct)) await comments.SendLinkAsync(normalised, ct);
        Sent = true;
        return Page();
    }
}
