using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
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
            foreach (var (field, messages) in result.Errors)
                foreach (var message in messages) ModelState.AddModelError($"Input.{field}", message);
            return Page();
        }
        return Redirect($"/j/{result.Value!.Slug}");
    }
}
