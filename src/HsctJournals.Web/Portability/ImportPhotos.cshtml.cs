using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability;

/// <summary>The owner uploads a zip of the old WordPress site's uploads folder; a background job turns the imported posts' images into photos.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
[RequestSizeLimit(ImportUpload.HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.HardLimitBytes)]
public sealed class ImportPhotosModel(JournalContext here, JournalsDbContext db, ImportQueue queue) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    [BindProperty] public IFormFile? Upload { get; set; }
    public long MaxMegabytes => queue.MaxArchiveBytes / 1024 / 1024;

    public IActionResult OnGet(string journal)
    {
        Journal = here.Journal;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, CancellationToken ct)
    {
        Journal = here.Journal;
        ModelState.Clear();
        if (ImportUpload.CheckArchive(Upload?.FileName, Upload?.Length, queue.MaxArchiveBytes) is { } error)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        var job = await queue.EnqueueAsync(db, Journal.Id, Reader.From(User).UserId!, Upload.FileName, stream, ct);
        return Redirect($"/j/{Journal.Slug}/import/{job.Id:N}");
    }
}
