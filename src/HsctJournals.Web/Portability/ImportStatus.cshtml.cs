using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability;

/// <summary>An import's progress (the page reloads itself every few seconds, no JavaScript needed) and then its report.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
public sealed class ImportStatusModel(JournalContext here, JournalsDbContext db, ImportQueue queue) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    public ImportJobView View { get; private set; } = null!;
    public ImportJob Job => View.Job;
    public ImportReport? Report => View.Report;
    public bool Running => View.Running;

    public async Task<IActionResult> OnGetAsync(string journal, Guid id, CancellationToken ct)
    {
        var owned = here.Journal;
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.JournalId == owned.Id && j.Kind != ImportJobKind.Restore, ct);
        if (job is null) return NotFound();
        Journal = owned;
        View = ImportJobView.Of(job, queue);
        return Page();
    }
}
