using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Journals;

/// <summary>Creates a journal owned by the signed-in user.</summary>
[Authorize]
public sealed class NewJournalModel(JournalEditor editor) : PageModel
{
    [BindProperty] public JournalInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A choice that did not bind (say, an unknown visibility) is shown as an error, never saved as the default.
        if (!ModelState.IsValid) return Page();
        var result = await editor.CreateAsync(Reader.From(User).UserId!, Input, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        return Redirect($"/j/{result.Value!.Slug}");
    }
}
