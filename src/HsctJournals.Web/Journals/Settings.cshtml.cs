using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Journals;

/// <summary>The owner changes title, address, tagline and visibility.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
public sealed class SettingsModel(JournalContext here, JournalEditor editor) : PageModel
{
    [BindProperty] public JournalInput Input { get; set; } = new();
    public Journal Journal { get; private set; } = null!;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, bool saved, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        Saved = saved;
        Input = new JournalInput { Title = owned.Title, Slug = owned.Slug, Tagline = owned.Tagline, Visibility = owned.Visibility, ShowDayNumbers = owned.ShowDayNumbers };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        // A choice that did not bind (say, an unknown visibility) is shown as an error, never saved as the default.
        if (!ModelState.IsValid) return Page();
        var result = await editor.UpdateAsync(owned, Input, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        return Redirect($"/j/{owned.Slug}/settings?saved=true");
    }
}
