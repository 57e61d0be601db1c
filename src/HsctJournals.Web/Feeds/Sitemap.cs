using System.Globalization;
using System.Text;
using System.Xml;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

using HsctJournals.Web.Caching;

namespace HsctJournals.Web.Feeds;

/// <summary>
/// /sitemap.xml: the site home, and for Public journals only (never Unlisted, ApprovedReaders or Private) the journal
/// home, its live posts and its categories that have live posts. Built from the access rule as an anonymous reader.
/// </summary>
internal static class Sitemap
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /// <summary>The protocol's limit for one file; a sitemap index would be needed beyond it.</summary>
    private const int MaxUrls = 50_000;

    public static async Task WriteAsync(HttpContext http, JournalAccess access, CancellationToken ct)
    {
        var reader = Reader.Anonymous;
        // Listed journals for an anonymous reader are the public ones; the explicit test keeps it so if lists ever widen.
        var journals = await access.ListedJournals(reader).Where(j => j.Visibility == JournalVisibility.Public)
            .AsNoTracking().OrderBy(j => j.Slug).Select(j => new { j.Id, j.Slug, j.CreatedAt }).ToListAsync(ct);
        var posts = await access.LivePosts(reader).Where(p => p.Journal.Visibility == JournalVisibility.Public)
            .AsNoTracking().OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(MaxUrls)
            .Select(p => new
            {
                p.JournalId, JournalSlug = p.Journal.Slug, p.Slug, p.UpdatedAt, PublishedAt = p.PublishedAt!.Value,
                CategorySlug = p.Category != null ? p.Category.Slug : null,
            })
            .ToListAsync(ct);

        var origin = http.Site().Origin;
        http.Response.ContentType = "application/xml; charset=utf-8";
        // Lists public journals only, whoever asks.
        http.ShareWithAnonymousReaders(publicContent: true, CacheTags.SiteLists);

        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(http.Response.Body, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", Namespace);
        var written = 0;

        async Task UrlAsync(string path, DateTime? lastModified)
        {
            if (written++ >= MaxUrls) return;
            await xml.WriteStartElementAsync(null, "url", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, origin + path);
            if (lastModified is { } at)
                await xml.WriteElementStringAsync(null, "lastmod", Namespace,
                    DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            await xml.WriteEndElementAsync();
        }

        static DateTime Changed(DateTime updated, DateTime published) => updated > published ? updated : published;

        await UrlAsync("/", posts.Count == 0 ? null : posts.Max(p => Changed(p.UpdatedAt, p.PublishedAt)));
        foreach (var journal in journals)
        {
            var own = posts.Where(p => p.JournalId == journal.Id).ToList();
            await UrlAsync($"/j/{journal.Slug}", own.Count == 0 ? journal.CreatedAt : own.Max(p => Changed(p.UpdatedAt, p.PublishedAt)));
            foreach (var category in own.Where(p => p.CategorySlug is not null).GroupBy(p => p.CategorySlug!).OrderBy(g => g.Key))
                await UrlAsync($"/j/{journal.Slug}/category/{category.Key}", category.Max(p => Changed(p.UpdatedAt, p.PublishedAt)));
            foreach (var post in own)
                await UrlAsync($"/j/{journal.Slug}/posts/{post.Slug}", Changed(post.UpdatedAt, post.PublishedAt));
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }
}
