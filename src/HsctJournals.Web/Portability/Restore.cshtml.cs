using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability.Backup;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability;

/// <summary>What a person may type beside the backup file: the new journal's title and address.</summary>
public sealed class RestoreInput
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
}

/// <summary>A signed-in person restores a backup zip as a new journal of their own; the restore runs in the background (<see cref="RestoreStatusModel"/>).</summary>
[Authorize]
[RequestSizeLimit(ImportUpload.HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.HardLimitBytes)]
public sealed class RestoreModel(BackupUploads uploads) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public RestoreInput Input { get; set; } = new();
    public long MaxMegabytes => uploads.MaxBytes / 1024 / 1024;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // ModelState is kept (title and address are strings; a file binds or is absent): they come back as typed.
        var request = await uploads.EnqueueAsync(Upload?.FileName, Upload?.Length, () => Upload!.OpenReadStream(), Reader.From(User).UserId!, Input.Title, Input.Slug, ct);
        if (request.Queued) return Redirect($"/journals/restore/{request.Job!.Id:N}");
        foreach (var (field, messages) in request.Errors)
            foreach (var message in messages)
                ModelState.AddModelError(field is "Title" or "Slug" ? $"Input.{field}" : nameof(Upload), message);
        return Page();
    }
}
