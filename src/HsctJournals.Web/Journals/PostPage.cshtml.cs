using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>One post with its byline, tags and links to the previous and next posts.</summary>
public sealed class PostPageModel(JournalAccess access, DayLabels dayLabels) : JournalPageModel(access)
{
    public Post Post { get; private set; } = null!;
    public PostSummary Summary { get; private set; } = null!;
    public List<Tag> Tags { get; private set; } = [];
    public PostSummary? Previous { get; private set; }
    public PostSummary? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, string slug, CancellationToken ct)
    {
        if (!await LoadJournalAsync(journal, ct)) return NotFound();
        var post = await Access.ReadablePosts(CurrentReader).AsNoTracking()
            .Include(p => p.Tags).Include(p => p.Category).Include(p => p.Author)
            .FirstOrDefaultAsync(p => p.JournalId == Journal.Id && p.Slug == slug, ct);
        if (post is null) return NotFound();
        Post = post;
        Tags = post.Tags.OrderBy(t => t.Name).ToList();
        Summary = (await dayLabels.LabelAsync([new PostSummary(post.Id, post.Title, post.Slug, Journal.Slug, Journal.Title,
            post.Author.DisplayName, post.PublishedAt, post.Status, post.Category?.Name, post.Category?.Slug, post.CommentCount, post.Excerpt)], ct))[0];

        if (post.PublishedAt is { } at && post.Status != PostStatus.Draft)
        {
            var live = Access.LivePosts(CurrentReader).Where(p => p.JournalId == Journal.Id);
            Previous = await PostQueries.Project(live.Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id < post.Id))
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)).FirstOrDefaultAsync(ct);
            Next = await PostQueries.Project(live.Where(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id > post.Id))
                .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)).FirstOrDefaultAsync(ct);
        }

        Meta.Description = post.Excerpt;
        Meta.OgType = "article";
        Meta.CanonicalPath = Summary.Url;
        if (!post.IsLiveAt(DateTime.UtcNow)) Meta.NoIndex = true;
        return Page();
    }
}
