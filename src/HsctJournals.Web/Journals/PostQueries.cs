using HsctJournals.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>Read-side queries for lists of posts. Every one starts from the access rule's live posts (of the journal the request resolved through it).</summary>
public sealed class PostQueries(JournalAccess access, DayLabels dayLabels)
{
    public const int PageSize = 10;

    /// <summary>A page of the request's journal's live posts, newest first, with the total count for the pager.</summary>
    public async Task<(IReadOnlyList<PostSummary> Posts, int Total)> PageAsync(
        JournalContext here, Func<IQueryable<Journals.Post>, IQueryable<Journals.Post>> filter, int page, CancellationToken ct = default)
    {
        var query = filter(access.LivePostsOf(here));
        var total = await query.CountAsync(ct);
        var posts = await Project(query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
                .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize))
            .ToListAsync(ct);
        return (await dayLabels.LabelAsync(posts, ct), total);
    }

    /// <summary>Maps posts to summaries in SQL (no entity tracking, no over-fetching).</summary>
    public static IQueryable<PostSummary> Project(IQueryable<Journals.Post> posts) =>
        posts.AsNoTracking().Select(p => new PostSummary(
            p.Id, p.Title, p.Slug, p.Journal.Slug, p.Journal.Title, p.Byline ?? p.Author.DisplayName, p.PublishedAt, p.Status,
            p.Category != null ? p.Category.Name : null, p.Category != null ? p.Category.Slug : null,
            p.CommentCount, p.Excerpt));
}
