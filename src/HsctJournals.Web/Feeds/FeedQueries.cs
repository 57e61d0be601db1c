using HsctJournals.Domain.Text;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared.Feeds;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Feeds;

/// <summary>
/// Loads feed content through the one access rule: a feed holds exactly what its reader may read.
/// Plain feed URLs ask as <see cref="Reader.Anonymous"/>; secret feed URLs as the token's owner.
/// Photo addresses in the posts are absolute; in a secret feed of a journal anonymous readers cannot see,
/// each is signed for the feed's owner, since a feed reader sends no cookie.
/// </summary>
public sealed class FeedQueries(JournalAccess access, Photos.OutsidePhotoLinks photos)
{
    /// <summary>How many posts a feed carries.</summary>
    public const int Size = 20;

    /// <summary>The journal's feed, or of one of its categories; null (answered with 404) when the reader may not read it.</summary>
    public async Task<JournalFeed?> LoadAsync(Reader reader, string journalSlug, string? categorySlug, CancellationToken ct)
    {
        var journal = await access.FindReadableAsync(journalSlug, reader, ct);
        return journal is null ? null : await LoadAsync(reader, journal, categorySlug, ct);
    }

    /// <summary>The feed of a journal the reader may read (by id), or null.</summary>
    public async Task<JournalFeed?> LoadAsync(Reader reader, int journalId, CancellationToken ct)
    {
        var journal = await access.ReadableJournals(reader).AsNoTracking().FirstOrDefaultAsync(j => j.Id == journalId, ct);
        return journal is null ? null : await LoadAsync(reader, journal, null, ct);
    }

    private async Task<JournalFeed?> LoadAsync(Reader reader, Journal journal, string? categorySlug, CancellationToken ct)
    {
        var posts = access.LivePosts(reader).Where(p => p.JournalId == journal.Id);
        var title = journal.Title;
        var path = $"/j/{journal.Slug}";
        if (categorySlug is not null)
        {
            var category = await access.ReadableJournals(reader).Where(j => j.Id == journal.Id)
                .SelectMany(j => j.Categories).AsNoTracking()
                .FirstOrDefaultAsync(c => c.Slug == categorySlug, ct);
            if (category is null) return null;
            posts = posts.Where(p => p.CategoryId == category.Id);
            title = $"{journal.Title} — {category.Name}";
            path = $"{path}/category/{category.Slug}";
        }

        var rows = await posts.AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(Size)
            .Select(p => new
            {
                p.Id, p.Title, p.Slug, AuthorName = p.Byline ?? p.Author.DisplayName, PublishedAt = p.PublishedAt!.Value, p.UpdatedAt,
                p.Excerpt, p.Html, Category = p.Category != null ? p.Category.Name : null,
                Tags = p.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var signedFor = reader.IsSignedIn && !await access.ReadableJournals(Reader.Anonymous).AnyAsync(j => j.Id == journal.Id, ct)
            ? reader.UserId : null;
        var entries = rows.Select(r => new FeedEntry(
            r.Id, r.Title, $"/j/{journal.Slug}/posts/{r.Slug}", r.AuthorName, r.PublishedAt,
            // A scheduled post may have been saved before it went live; it is "updated" no earlier than published.
            r.UpdatedAt > r.PublishedAt ? r.UpdatedAt : r.PublishedAt,
            // Feeds are not per reader (and are copied on): embedded treatment data never goes in them.
            r.Excerpt, photos.Absolute(EmbedShortcodes.Strip(r.Html), signedFor), r.Category, r.Tags)).ToList();
        var updated = entries.Count == 0 ? journal.CreatedAt : entries.Max(e => e.Updated);
        return new JournalFeed(journal.Id, journal.Visibility == JournalVisibility.Public, title, journal.Tagline ?? $"{journal.Title} — an HSCT journal.", path, entries, updated);
    }
}
