using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>Posts in one category, with one tag, or from one month (in the journal owner's time zone).</summary>
public sealed class ArchiveListModel(JournalContext context, PostQueries queries, JournalTimeZone journalTimeZone, JournalsDbContext db) : JournalPageModel(context)
{
    public string Heading { get; private set; } = "";
    public IReadOnlyList<PostSummary> Posts { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string journal, string? kind, string? key, int? year, int? month, int page = 1, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        Func<IQueryable<Post>, IQueryable<Post>> filter;
        string path;
        if (year is { } y && month is { } m)
        {
            if (y is < 1900 or > 2200 || m is < 1 or > 12) return NotFound();
            var zone = await journalTimeZone.OwnerZoneAsync(Journal.Id, ct);
            var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, 1), zone);
            var to = TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, 1).AddMonths(1), zone);
            filter = q => q.Where(p => p.PublishedAt >= from && p.PublishedAt < to);
            Heading = new DateTime(y, m, 1).ToString("MMMM yyyy");
            path = $"/j/{Journal.Slug}/{y}/{m:00}";
        }
        else if (kind == "category")
        {
            var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.JournalId == Journal.Id && c.Slug == key, ct);
            if (category is null) return NotFound();
            filter = q => q.Where(p => p.CategoryId == category.Id);
            Heading = $"Category: {category.Name}";
            path = $"/j/{Journal.Slug}/category/{category.Slug}";
            if (Meta.Feeds.Count > 0)
            {
                Meta.Feeds.Add(($"{Journal.Title} — {category.Name} (RSS)", "application/rss+xml", $"{path}/feed.rss"));
                Meta.Feeds.Add(($"{Journal.Title} — {category.Name} (Atom)", "application/atom+xml", $"{path}/feed.atom"));
            }
        }
        else if (kind == "tag")
        {
            var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.JournalId == Journal.Id && t.Slug == key, ct);
            if (tag is null) return NotFound();
            filter = q => q.Where(p => p.Tags.Any(t => t.Id == tag.Id));
            Heading = $"Tag: {tag.Name}";
            path = $"/j/{Journal.Slug}/tag/{tag.Slug}";
        }
        else return NotFound();

        var (posts, total) = await queries.PageAsync(Context, filter, page, ct);
        Posts = posts;
        Pager = new Pager(path, page, total, PostQueries.PageSize);
        Meta.CanonicalPath = Pager.Href(page);
        ShareWithAnonymousReaders();
        return Page();
    }
}
