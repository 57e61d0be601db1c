using HsctJournals.Web.Accounts;
using HsctJournals.Web.Portability.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Identity UI's "Download" button on "Your data": the zip of <see cref="PersonalDataExport"/>.</summary>
[Authorize]
public sealed class DownloadPersonalDataModel(PersonalDataExport export, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bytes = await export.CreateAsync(Reader.From(User).UserId!, ct);
        return File(bytes, "application/zip", PersonalDataExport.FileName(clock.GetUtcNow().UtcDateTime));
    }
}
