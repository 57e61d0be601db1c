using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Treatment.Days;

/// <summary>
/// A journal's posts by treatment phase and day (<see cref="PostDays"/>). A reader with nothing to
/// browse gets 404, like any page that does not exist.
/// </summary>
public sealed class DaysModel(JournalContext context, PostDays days) : JournalPageModel(context)
{
    public DayBrowseMode Mode { get; private set; }
    public IReadOnlyList<DayGroup> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        (Mode, Groups) = await days.GroupsAsync(Context, ct);
        if (Mode == DayBrowseMode.None) return NotFound();
        Meta.CanonicalPath = $"/j/{Journal.Slug}/days";
        // Phase names are shared treatment data: never for search engines.
        if (Mode == DayBrowseMode.Phases) Meta.NoIndex = true;
        ShareWithAnonymousReaders();
        return Page();
    }
}
