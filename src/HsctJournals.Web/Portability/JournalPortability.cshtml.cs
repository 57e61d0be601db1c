using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability;

/// <summary>The owner's page for moving a journal in and out: import, export, delete.</summary>
[Authorize]
public sealed class JournalPortabilityModel(JournalAccess access) : PageModel
{
    public Journal Journal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        var owned = await access.FindOwnedAsync(journal, Reader.From(User), ct);
        if (owned is null) return NotFound();
        Journal = owned;
        return Page();
    }
}
