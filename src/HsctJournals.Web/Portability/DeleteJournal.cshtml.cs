using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability;

/// <summary>The owner deletes a journal after typing its address to confirm; its address then rests for the grace period.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
public sealed class DeleteJournalModel(JournalContext here, JournalDeleter deleter, IOptions<PortabilityOptions> options) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    [BindProperty] public string? Confirmation { get; set; }
    public int GraceDays => options.Value.SlugGraceDays;

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        if (!string.Equals(Confirmation?.Trim(), owned.Slug, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirmation), $"Type the journal's address, {owned.Slug}, to confirm.");
            return Page();
        }
        await deleter.DeleteAsync(owned.Id, ct);
        return Redirect("/me");
    }
}
