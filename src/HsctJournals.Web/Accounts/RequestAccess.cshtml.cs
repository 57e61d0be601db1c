using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// "Ask to read this journal". The page looks and answers the same for every address — an
/// ApprovedReaders journal, a private one, or none at all — so it cannot be used to find out
/// which journals exist (design invariant 1). It never loads the journal's title for display.
/// </summary>
[Authorize]
public sealed class RequestAccessModel(AccessRequests requests) : PageModel
{
    [BindProperty] public string? Message { get; set; }
    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(string journal, CancellationToken ct)
    {
        if (AccessRequests.ValidateMessage(Message) is { } error)
        {
            ModelState.AddModelError(nameof(Message), error);
            return Page();
        }
        await requests.RequestAsync(journal, Reader.From(User).UserId!, Message, ct);
        return Redirect($"/j/{Uri.EscapeDataString(journal)}/request-access?sent=true");
    }
}
