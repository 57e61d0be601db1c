using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Photos;

/// <summary>Asks before deleting a photo, naming the posts it disappears from; deletes on POST.</summary>
[Authorize, JournalPage(JournalCapability.Write)]
public sealed class PhotoDeleteModel(JournalContext here, PhotoLibrary library) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    public PhotoListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string journal, int id, CancellationToken ct) =>
        await LoadAsync(journal, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string journal, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, id, ct)) return NotFound();
        await library.DeleteAsync(Journal.Id, id, ct);
        return Redirect($"/j/{Journal.Slug}/photos?done=deleted");
    }

    private async Task<bool> LoadAsync(string journal, int id, CancellationToken ct)
    {
        var writable = here.CanWrite ? here.Journal : null;
        if (writable is null) return false;
        var listing = await library.FindAsync(writable.Id, id, ct);
        if (listing is null) return false;
        (Journal, Listing) = (writable, listing);
        return true;
    }
}
