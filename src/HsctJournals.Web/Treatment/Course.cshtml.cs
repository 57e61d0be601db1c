using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The treatment overview of a journal: course, milestones, charts, counts, events. Shown to
/// whoever <see cref="TreatmentAccess"/> allows; everyone else gets 404, as if there were no course.
/// </summary>
public sealed class CourseModel(JournalContext context, TreatmentAccess treatment, TreatmentQueries queries) : JournalPageModel(context)
{
    public CourseSnapshot? Snapshot { get; private set; }
    public bool IsOwner => Context.IsOwner;

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        var view = await treatment.ViewableAsync(Context, ct);
        if (view is null && !IsOwner) return NotFound();
        Meta.NoIndex = true;
        Meta.Feeds.Clear();
        if (view is not null) Snapshot = await queries.LoadAsync(view, ct);
        return Page();
    }
}
