using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The owner decides who sees the treatment data (domain/hsct.md §11) and manages clinician links,
/// seeing every time each link was opened.
/// </summary>
public sealed class SharingModel(TreatmentAccess access, CourseStore store, CourseDetailsEditor details, ClinicianLinkEditor links, JournalsDbContext db) : TreatmentOwnerPage(access)
{
    [BindProperty] public TreatmentSharing Sharing { get; set; }
    [BindProperty] public string? LinkLabel { get; set; }
    public List<ClinicianLink> Links { get; private set; } = [];
    public string? NewLinkUrl { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        Sharing = Course.Sharing;
        Saved = saved;
        await LoadLinksAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSharingAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        await store.EnsureSavedAsync(Course, ct);
        await details.SetSharingAsync(Course, Sharing, ct);
        return Redirect($"/j/{Journal.Slug}/treatment/sharing?saved=true");
    }

    public async Task<IActionResult> OnPostLinkAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var secret = await links.CreateClinicianLinkAsync(Course, LinkLabel, ct);
        NewLinkUrl = HttpContext.Site().Link($"/clinician/{secret}");
        // A fresh form for the next link, not the label just used.
        ModelState.Remove(nameof(LinkLabel));
        LinkLabel = null;
        Sharing = Course.Sharing;
        await LoadLinksAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string journal, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (HasCourse) await links.RevokeClinicianLinkAsync(Course, id, ct);
        return Redirect($"/j/{Journal.Slug}/treatment/sharing?saved=true#links");
    }

    private async Task LoadLinksAsync(CancellationToken ct)
    {
        if (!HasCourse) return;
        Links = await db.ClinicianLinks.AsNoTracking().Include(l => l.Accesses)
            .Where(l => l.CourseId == Course.Id).OrderByDescending(l => l.CreatedAt).ToListAsync(ct);
    }
}
