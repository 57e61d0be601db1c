using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Portability;

/// <summary>A restore's progress (the page reloads itself, no JavaScript needed) and then its report; only for the person who asked for it.</summary>
[Authorize]
public sealed class RestoreStatusModel(JournalsDbContext db, ImportQueue queue) : PageModel
{
    public ImportJobView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var userId = Reader.From(User).UserId;
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Kind == ImportJobKind.Restore && j.RequestedById == userId, ct);
        if (job is null) return NotFound();
        View = ImportJobView.Of(job, queue);
        return Page();
    }
}
