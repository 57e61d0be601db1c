using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Treatment's links in the journal header, under the sharing rule: "By treatment day" where the days page has
/// something to show this reader, "Treatment" for the owner (to start a course) and for readers with a view.
/// </summary>
public sealed class TreatmentLinks(TreatmentAccess access, Days.PostDays days) : IJournalLinkSource
{
    public async Task<IEnumerable<JournalLink>> LinksAsync(JournalContext journal, CancellationToken ct)
    {
        var view = await access.ViewableAsync(journal, ct);
        var slug = journal.Journal.Slug;
        var links = new List<JournalLink>();
        // Phase names only under the sharing rule; day ranges only where bylines show day numbers anyway.
        if (await days.ShowsLinkAsync(journal.Journal, view, ct)) links.Add(new(DaysKey, "By treatment day", $"/j/{slug}/days", 20));
        // Only for those the treatment sharing rule lets in: others see no trace of the record.
        if (TreatmentAccess.ShowsLink(journal.Role, view)) links.Add(new("treatment", "Treatment", $"/j/{slug}/treatment", 50));
        return links;
    }

    /// <summary>The key of the by-day link, which the archive page repeats in its body.</summary>
    public const string DaysKey = JournalLink.ByDayKey;
}
