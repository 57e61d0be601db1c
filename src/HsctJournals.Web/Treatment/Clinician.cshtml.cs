using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The read-only summary behind a secret clinician link (domain/hsct.md §11): no sign-in,
/// never indexed, every visit logged and shown to the owner; a revoked link is 404.
/// </summary>
public sealed class ClinicianModel(TreatmentAccess treatment, TreatmentQueries queries) : PageModel
{
    public CourseSnapshot Snapshot { get; private set; } = null!;
    public PageMeta Meta { get; } = new() { NoIndex = true };
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var view = await treatment.FindByClinicianTokenAsync(token, ct: ct);
        if (view is null) return NotFound();
        Token = token;
        Snapshot = await queries.LoadAsync(view, ct);
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
