using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>The archive index: months, categories and tags with the number of readable posts in each.</summary>
public sealed class ArchiveModel(JournalContext context, JournalAccess access, JournalTimeZone journalTimeZone, JournalsDbContext db) : JournalPageModel(context)
{
    public sealed record MonthCount(int Year, int Month, int Count);
    public sealed record NamedCount(string Name, string Slug, int Count);

    public List<MonthCount> Months { get; private set; } = [];
    public List<NamedCount> Categories { get; private set; } = [];
    public List<NamedCount> Tags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct)
    {
        Meta.CanonicalPath = $"/j/{Journal.Slug}/archive";
        var live = access.LivePostsOf(Context);

        // Months are calendar months in the owner's zone, so they are grouped here, not in SQL.
        var zone = await journalTimeZone.OwnerZoneAsync(Journal.Id, ct);
        var dates = await live.Select(p => p.PublishedAt!.Value).ToListAsync(ct);
        Months = dates.Select(d => TimeZoneInfo.ConvertTimeFromUtc(d, zone))
            .GroupBy(d => (d.Year, d.Month)).OrderByDescending(g => g.Key)
            .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count())).ToList();

        // Counted per category and tag with a correlated count over the live posts (the access rule's query).
        var liveIds = live.Select(p => p.Id);
        Categories = await db.Categories.Where(c => c.JournalId == Journal.Id)
            .Select(c => new { c.Name, c.Slug, Count = live.Count(p => p.CategoryId == c.Id) })
            .Where(c => c.Count > 0).OrderBy(c => c.Name)
            .Select(c => new NamedCount(c.Name, c.Slug, c.Count)).ToListAsync(ct);
        Tags = await db.Tags.Where(t => t.JournalId == Journal.Id)
            .Select(t => new { t.Name, t.Slug, Count = t.Posts.Count(p => liveIds.Contains(p.Id)) })
            .Where(t => t.Count > 0).OrderBy(t => t.Name)
            .Select(t => new NamedCount(t.Name, t.Slug, t.Count)).ToListAsync(ct);
        ShareWithAnonymousReaders();
        return Page();
    }
}
