using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Journals;

/// <summary>A journal's front page: its posts, newest first, paginated.</summary>
public sealed class JournalHomeModel(JournalContext context, PostQueries queries) : JournalPageModel(context)
{
    public IReadOnlyList<PostSummary> Posts { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string journal, int page = 1, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        var (posts, total) = await queries.PageAsync(Context, q => q, page, ct);
        Posts = posts;
        Pager = new Pager($"/j/{Journal.Slug}", page, total, PostQueries.PageSize);
        Meta.CanonicalPath = Pager.Href(page);
        ShareWithAnonymousReaders();
        return Page();
    }
}
