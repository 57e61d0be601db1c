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
        ModelState.Clear();
        var result = await editor.CreateAsync(Reader.From(User).UserId!, Input, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        return Redirect($"/j/{result.Value!.Slug}");
    }
}
