using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Journals;

/// <summary>Asks for confirmation, then deletes on POST (antiforgery checked by Razor Pages).</summary>
public sealed class DeleteModel(JournalContext here, JournalsDbContext db, PostEditor editor) : WriterPageModel(here, db)
{
    public async Task<IActionResult> OnGetAsync(string journal, string slug, CancellationToken ct) =>
        await LoadAsync(journal, slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string journal, string slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        await editor.DeleteAsync(Post, ct);
        return Redirect($"/j/{Journal.Slug}/manage?deleted=1");
    }
}
