using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using HsctJournals.Web.Caching;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>The site home: listed journals with their latest posts.</summary>
public sealed class HomeModel(JournalAccess access, TimeProvider clock, SiteSettingsStore site) : PageModel
{
    public const int LatestPerJournal = 3;
    public sealed record JournalCard(string Slug, string Title, string? Tagline, List<PostSummary> Latest);

    public List<JournalCard> Journals { get; private set; } = [];
    /// <summary>The site's name and description, as the admin set them.</summary>
    public SiteSettings Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Site = await site.GetAsync(ct);
        var reader = Reader.From(User);
        var live = Post.LiveAt(clock.GetUtcNow().UtcDateTime);
        // Ordered by the latest live post: a post scheduled for next week does not put its journal first.
        var journals = await access.ListedJournals(reader).AsNoTracking()
            .Select(j => new { j.Id, j.Slug, j.Title, j.Tagline, Latest = j.Posts.AsQueryable().Where(live).Max(p => p.PublishedAt) })
            .OrderByDescending(j => j.Latest).Take(50).ToListAsync(ct);
        var ids = journals.Select(j => j.Id).ToList();
        // Latest posts of every listed journal in one query, then grouped in memory.
        var posts = await PostQueries.Project(access.LivePosts(reader).Where(p => ids.Contains(p.JournalId))
                .OrderByDescending(p => p.PublishedAt).Take(LatestPerJournal * 50))
            .ToListAsync(ct);
        // The site lists every listed (public) journal: any journal's list change evicts it.
        HttpContext.ShareWithAnonymousReaders(publicContent: true, CacheTags.SiteLists);
        Journals = journals.Select(j => new JournalCard(j.Slug, j.Title, j.Tagline,
            posts.Where(p => p.JournalSlug == j.Slug).Take(LatestPerJournal).ToList())).ToList();
    }
}
