using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability;

/// <summary>The owner uploads a WordPress export; the import runs in the background and the job page shows its progress.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
[RequestSizeLimit(ImportUpload.HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.HardLimitBytes)]
public sealed class ImportModel(JournalContext here, JournalsDbContext db, ImportQueue queue) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    [BindProperty] public IFormFile? Upload { get; set; }
    public long MaxMegabytes => queue.MaxBytes / 1024 / 1024;

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
        ModelState.Clear();
        var error = ImportUpload.Check(Upload?.FileName, Upload?.Length, queue.MaxBytes);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        var job = await queue.EnqueueAsync(db, owned.Id, Reader.From(User).UserId!, Upload.FileName, stream, ct);
        return Redirect($"/j/{owned.Slug}/import/{job.Id:N}");
    }
}
