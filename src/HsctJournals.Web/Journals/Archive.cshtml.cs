using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>The archive index: months, categories and tags with the number of readable posts in each.</summary>
public sealed class ArchiveModel(JournalAccess access, JournalClock journalClock) : JournalPageModel(access)
{
    public sealed record MonthCount(int Year, int Month, int Count);
    public sealed record NamedCount(string Name, string Slug, int Count);

    public List<MonthCount> Months { get; private set; } = [];
    public List<NamedCount> Categories { get; private set; } = [];
    public List<NamedCount> Tags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        if (!await LoadJournalAsync(journal, ct, heading: "Archive")) return NotFound();
        Meta.CanonicalPath = $"/j/{Journal.Slug}/archive";
        var live = Access.LivePosts(CurrentReader).Where(p => p.JournalId == Journal.Id);

        // Months are calendar months in the owner's zone, so they are grouped here, not in SQL.
        var zone = await journalClock.OwnerZoneAsync(Journal.Id, ct);
        var dates = await live.Select(p => p.PublishedAt!.Value).ToListAsync(ct);
        Months = dates.Select(d => TimeZoneInfo.ConvertTimeFromUtc(d, zone))
            .GroupBy(d => (d.Year, d.Month)).OrderByDescending(g => g.Key)
            .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count())).ToList();

        Categories = await live.Where(p => p.Category != null)
            .GroupBy(p => new { p.Category!.Name, p.Category.Slug })
            .Select(g => new NamedCount(g.Key.Name, g.Key.Slug, g.Count()))
            .OrderBy(c => c.Name).ToListAsync(ct);
        Tags = await live.SelectMany(p => p.Tags)
            .GroupBy(t => new { t.Name, t.Slug })
            .Select(g => new NamedCount(g.Key.Name, g.Key.Slug, g.Count()))
            .OrderBy(t => t.Name).ToListAsync(ct);
        return Page();
    }
}
