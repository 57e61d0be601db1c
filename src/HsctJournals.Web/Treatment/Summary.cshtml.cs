using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Treatment;

/// <summary>The printable clinician summary (A4/Letter), under the same sharing rule as the overview.</summary>
public sealed class SummaryModel(TreatmentAccess treatment, TreatmentQueries queries) : PageModel
{
    public CourseSnapshot Snapshot { get; private set; } = null!;
    public PageMeta Meta { get; } = new() { NoIndex = true };

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        var view = await treatment.FindViewableAsync(journal, Reader.From(User), ct);
        if (view is null) return NotFound();
        Snapshot = await queries.LoadAsync(view, ct);
        return Page();
    }
}
