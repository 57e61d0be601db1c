using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability;

/// <summary>The owner's page for moving a journal in and out: import, export, delete.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
public sealed class JournalPortabilityModel(JournalContext here) : PageModel
{
    public Journal Journal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        return Page();
    }
}
