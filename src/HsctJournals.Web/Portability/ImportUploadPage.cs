using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability;

/// <summary>
/// The owner's upload that starts an import job (a WordPress export, a zip of its uploads folder): the file is
/// checked, queued and the browser sent to the job's progress page. The pages differ only in which files they take.
/// </summary>
public abstract class ImportUploadPage(JournalContext here, JournalsDbContext db, ImportQueue queue) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    [BindProperty] public IFormFile? Upload { get; set; }
    public long MaxMegabytes => MaxBytes(queue) / 1024 / 1024;

    /// <summary>The largest file this page takes.</summary>
    protected abstract long MaxBytes(ImportQueue queue);

    /// <summary>Why the file cannot be imported here, or null.</summary>
    protected abstract string? Check(string? fileName, long? length, long maxBytes);

    public IActionResult OnGet(string journal)
    {
        Journal = here.Journal;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, CancellationToken ct)
    {
        Journal = here.Journal;
        if (Check(Upload?.FileName, Upload?.Length, MaxBytes(queue)) is { } error)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        var job = await queue.EnqueueAsync(db, Journal.Id, Reader.From(User).UserId!, Upload.FileName, stream, ct);
        return Redirect($"/j/{Journal.Slug}/import/{job.Id:N}");
    }
}
