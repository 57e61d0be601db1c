using HsctJournals.Domain.Comments;
using HsctJournals.Domain.Text;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared.Feeds;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>
/// RSS of approved comments, per journal and per post, built as <see cref="Reader.Anonymous"/> exactly like
/// the plain post feeds: a journal an anonymous reader cannot open has no comment feed (404). Items carry the
/// commenter's display name only. Also the comment permalink /comments/{id}, which finds the comment's page.
/// </summary>
public sealed class CommentFeeds(JournalsDbContext db, JournalAccess access)
{
    public const int Size = 20;

    public static void Map(WebApplication app)
    {
        app.MapGet("/j/{journal}/comments.rss", (string journal, HttpContext http, CommentFeeds feeds, CancellationToken ct) =>
            feeds.ServeAsync(http, journal, null, ct)).ExcludeFromDescription();
        app.MapGet("/j/{journal}/posts/{post}/comments.rss", (string journal, string post, HttpContext http, CommentFeeds feeds, CancellationToken ct) =>
            feeds.ServeAsync(http, journal, post, ct)).ExcludeFromDescription();
        app.MapGet("/comments/{id:int}", async (int id, HttpContext http, CommentFeeds feeds, CancellationToken ct) =>
            await feeds.PermalinkAsync(id, Reader.From(http.User), ct) is { } url ? Results.Redirect(url) : Results.NotFound()).ExcludeFromDescription();
    }

    private async Task<IResult> ServeAsync(HttpContext http, string journalSlug, string? postSlug, CancellationToken ct)
    {
        var feed = await LoadAsync(journalSlug, postSlug, ct);
        return feed is null ? Results.NotFound() : await FeedResponses.AnonymousAsync(http, feed, FeedFormat.Rss);
    }

    /// <summary>The feed as an anonymous reader may see it, or null.</summary>
    public async Task<JournalFeed?> LoadAsync(string journalSlug, string? postSlug, CancellationToken ct)
    {
        var reader = Reader.Anonymous;
        var journal = await access.FindReadableAsync(journalSlug, reader, ct);
        if (journal is null) return null;
        var posts = access.LivePosts(reader).Where(p => p.JournalId == journal.Id);
        var title = $"Comments on {journal.Title}";
        var path = $"/j/{journal.Slug}";
        if (postSlug is not null)
        {
            var post = await posts.AsNoTracking().Select(p => new { p.Id, p.Slug, p.Title }).FirstOrDefaultAsync(p => p.Slug == postSlug, ct);
            if (post is null) return null;
            posts = posts.Where(p => p.Id == post.Id);
            title = $"Comments on “{post.Title}”";
            path = $"/j/{journal.Slug}/posts/{post.Slug}";
        }

        var postIds = posts.Select(p => p.Id);
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Approved && postIds.Contains(c.PostId))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Size)
            .Select(c => new { c.Id, c.PostId, c.AuthorName, c.Text, c.CreatedAt, c.UpdatedAt, PostTitle = c.Post.Title })
            .ToListAsync(ct);
        var entries = rows.Select(r => new FeedEntry(
            r.PostId, $"{r.AuthorName} on “{r.PostTitle}”", $"/comments/{r.Id}", r.AuthorName, r.CreatedAt,
            r.UpdatedAt is { } u && u > r.CreatedAt ? u : r.CreatedAt,
            Excerpt.Shorten(r.Text, 200), CommentText.ToHtml(r.Text), null, [], $"comment/{r.Id}")).ToList();
        var updated = entries.Count == 0 ? journal.CreatedAt : entries.Max(e => e.Updated);
        return new JournalFeed(journal.Id, journal.Visibility == JournalVisibility.Public, title, $"Readers' comments on {journal.Title}.", path, entries, updated);
    }

    /// <summary>The page and anchor of an approved comment the reader may read, or null.</summary>
    public async Task<string?> PermalinkAsync(int commentId, Reader reader, CancellationToken ct)
    {
        var live = access.LivePosts(reader);
        var found = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.Status == CommentStatus.Approved && live.Any(p => p.Id == c.PostId))
            .Select(c => new { c.PostId, PostSlug = c.Post.Slug, JournalSlug = c.Post.Journal.Slug, c.Post.Journal.Comments.ThreadDepth, c.Post.Journal.Comments.NewestFirst })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var all = await db.Comments.AsNoTracking().Where(c => c.PostId == found.PostId && c.Status == CommentStatus.Approved)
            .Select(c => new { c.Id, c.ParentId, c.CreatedAt, c.AuthorName }).ToListAsync(ct);
        var policy = CommentPolicies.From(new CommentSettings { ThreadDepth = found.ThreadDepth, NewestFirst = found.NewestFirst });
        var forest = CommentThreadBuilder.Build(all.Select(c => new CommentSource<int>(c.Id, c.ParentId,
            new DateTimeOffset(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc)), c.AuthorName, 0)), policy.Order, policy.MaxDepth);
        var page = CommentPagination.PageOf(forest, commentId, CommentThreads.PageSize) ?? 1;
        return $"/j/{found.JournalSlug}/posts/{found.PostSlug}{(page == 1 ? "" : $"?cpage={page}")}#comment-{commentId}";
    }
}
