using System.Globalization;
using System.Text;
using System.Xml;
using HsctJournals.Domain.Portability;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Writes a journal as WXR 1.2, the file WordPress's importer reads: channel, authors, categories,
/// tags, then each post with its comments (every status, threads by <c>wp:comment_parent</c>).
/// Commenters' e-mail addresses are included because only the journal's owner can export; members'
/// addresses are not (authors are named by display name). Streams post by post.
/// </summary>
public sealed class WordPressExporter(JournalsDbContext db, JournalTimeZone zones, IOptions<SiteOptions> site, TimeProvider clock)
{
    private const string WpNs = "http://wordpress.org/export/1.2/";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string ExcerptNs = "http://wordpress.org/export/1.2/excerpt/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public static string FileName(Journal journal, DateTime now) => $"{journal.Slug}.WordPress.{now:yyyy-MM-dd}.xml";

    public async Task WriteAsync(Journal journal, Stream output, CancellationToken ct)
    {
        var baseUrl = site.Value.BaseUrl.TrimEnd('/');
        var journalUrl = $"{baseUrl}/j/{journal.Slug}";
        // The journal's wall clock is its owner's zone (as for day numbers); WordPress calls it the blog's time zone.
        var zone = await zones.OwnerZoneAsync(journal.Id, ct);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };
        await using var w = XmlWriter.Create(output, settings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "rss", null);
        await w.WriteAttributeStringAsync(null, "version", null, "2.0");
        await w.WriteAttributeStringAsync("xmlns", "excerpt", null, ExcerptNs);
        await w.WriteAttributeStringAsync("xmlns", "content", null, ContentNs);
        await w.WriteAttributeStringAsync("xmlns", "wfw", null, "http://wellformedweb.org/CommentAPI/");
        await w.WriteAttributeStringAsync("xmlns", "dc", null, DcNs);
        await w.WriteAttributeStringAsync("xmlns", "wp", null, WpNs);
        await w.WriteStartElementAsync(null, "channel", null);
        await Text(w, null, "title", journal.Title, null);
        await Text(w, null, "link", journalUrl, null);
        await Text(w, null, "description", journal.Tagline ?? "", null);
        await Text(w, null, "pubDate", clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture), null);
        await Text(w, null, "language", "en", null);
        await Text(w, "wp", "wxr_version", "1.2", WpNs);
        await Text(w, "wp", "base_site_url", journalUrl, WpNs);
        await Text(w, "wp", "base_blog_url", journalUrl, WpNs);

        // Authors: everyone who wrote a post here, named by display name; logins are stable per export.
        var authors = await db.Posts.Where(p => p.JournalId == journal.Id).Select(p => new { p.AuthorId, p.Author.DisplayName }).Distinct()
            .OrderBy(a => a.AuthorId).ToListAsync(ct);
        var logins = new Dictionary<string, (int Id, string Login)>();
        foreach (var author in authors)
        {
            var id = logins.Count + 1;
            logins[author.AuthorId] = (id, $"author{id}");
            await w.WriteStartElementAsync("wp", "author", WpNs);
            await Text(w, "wp", "author_id", id.ToString(CultureInfo.InvariantCulture), WpNs);
            await CData(w, "wp", "author_login", $"author{id}", WpNs);
            await CData(w, "wp", "author_email", "", WpNs);
            await CData(w, "wp", "author_display_name", author.DisplayName, WpNs);
            await w.WriteEndElementAsync();
        }
        var categories = await db.Categories.AsNoTracking().Where(c => c.JournalId == journal.Id).OrderBy(c => c.Id).ToListAsync(ct);
        foreach (var category in categories)
        {
            await w.WriteStartElementAsync("wp", "category", WpNs);
            await Text(w, "wp", "term_id", category.Id.ToString(CultureInfo.InvariantCulture), WpNs);
            await CData(w, "wp", "category_nicename", category.Slug, WpNs);
            await CData(w, "wp", "category_parent", "", WpNs);
            await CData(w, "wp", "cat_name", category.Name, WpNs);
            await w.WriteEndElementAsync();
        }
        var tags = await db.Tags.AsNoTracking().Where(t => t.JournalId == journal.Id).OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var tag in tags)
        {
            await w.WriteStartElementAsync("wp", "tag", WpNs);
            await Text(w, "wp", "term_id", tag.Id.ToString(CultureInfo.InvariantCulture), WpNs);
            await CData(w, "wp", "tag_slug", tag.Slug, WpNs);
            await CData(w, "wp", "tag_name", tag.Name, WpNs);
            await w.WriteEndElementAsync();
        }
        await Text(w, null, "generator", "HSCT Journals", null);

        var lastId = 0;
        while (true)
        {
            var posts = await db.Posts.AsNoTracking().Include(p => p.Category).Include(p => p.Tags)
                .Where(p => p.JournalId == journal.Id && p.Id > lastId).OrderBy(p => p.Id).Take(50).ToListAsync(ct);
            if (posts.Count == 0) break;
            foreach (var post in posts)
                await WritePostAsync(w, post, $"{journalUrl}/posts/{post.Slug}", logins.GetValueOrDefault(post.AuthorId).Login ?? "author", zone, ct);
            lastId = posts[^1].Id;
        }
        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
    }

    private async Task WritePostAsync(XmlWriter w, Post post, string url, string login, TimeZoneInfo zone, CancellationToken ct)
    {
        var status = StatusMapping.ToImported(post.Status);
        await w.WriteStartElementAsync(null, "item", null);
        await CData(w, null, "title", post.Title, null);
        await Text(w, null, "link", url, null);
        if (post.PublishedAt is { } published) await Text(w, null, "pubDate", published.ToString("r", CultureInfo.InvariantCulture), null);
        await CData(w, "dc", "creator", login, DcNs);
        await w.WriteStartElementAsync(null, "guid", null);
        await w.WriteAttributeStringAsync(null, "isPermaLink", null, "false");
        await w.WriteStringAsync(url);
        await w.WriteEndElementAsync();
        await Text(w, null, "description", "", null);
        await CData(w, "content", "encoded", post.Html, ContentNs);
        await CData(w, "excerpt", "encoded", post.ExcerptIsCustom ? post.Excerpt : "", ExcerptNs);
        await Text(w, "wp", "post_id", post.Id.ToString(CultureInfo.InvariantCulture), WpNs);
        // As WordPress: post_date in the blog's zone, post_date_gmt in UTC, and a draft (never published) has a zero
        // post_date_gmt and its creation time as post_date.
        await CData(w, "wp", "post_date", WordPressDates.WriteLocal(post.PublishedAt ?? post.CreatedAt, zone), WpNs);
        await CData(w, "wp", "post_date_gmt", post.PublishedAt is { } d ? WordPressDates.Write(d) : "0000-00-00 00:00:00", WpNs);
        await CData(w, "wp", "post_modified", WordPressDates.WriteLocal(post.UpdatedAt, zone), WpNs);
        await CData(w, "wp", "post_modified_gmt", WordPressDates.Write(post.UpdatedAt), WpNs);
        await CData(w, "wp", "comment_status", post.CommentsOpen ? "open" : "closed", WpNs);
        await CData(w, "wp", "ping_status", "closed", WpNs);
        await CData(w, "wp", "post_name", post.Slug, WpNs);
        await CData(w, "wp", "status", WordPressStatuses.PostStatus(status), WpNs);
        await Text(w, "wp", "post_parent", "0", WpNs);
        await Text(w, "wp", "menu_order", "0", WpNs);
        await CData(w, "wp", "post_type", "post", WpNs);
        await CData(w, "wp", "post_password", "", WpNs);
        await Text(w, "wp", "is_sticky", "0", WpNs);
        if (post.Category is { } category) await Term(w, "category", category.Slug, category.Name);
        foreach (var tag in post.Tags.OrderBy(t => t.Name)) await Term(w, "post_tag", tag.Slug, tag.Name);

        var comments = await db.Comments.AsNoTracking().Where(c => c.PostId == post.Id).OrderBy(c => c.Id).ToListAsync(ct);
        foreach (var c in comments)
        {
            await w.WriteStartElementAsync("wp", "comment", WpNs);
            await Text(w, "wp", "comment_id", c.Id.ToString(CultureInfo.InvariantCulture), WpNs);
            await CData(w, "wp", "comment_author", c.AuthorName, WpNs);
            await CData(w, "wp", "comment_author_email", c.AuthorEmail, WpNs);
            await Text(w, "wp", "comment_author_url", c.AuthorWebsite ?? "", WpNs);
            await CData(w, "wp", "comment_author_IP", "", WpNs);
            await CData(w, "wp", "comment_date", WordPressDates.WriteLocal(c.CreatedAt, zone), WpNs);
            await CData(w, "wp", "comment_date_gmt", WordPressDates.Write(c.CreatedAt), WpNs);
            // Comments here are plain text; WordPress keeps HTML, so the text is encoded.
            await CData(w, "wp", "comment_content", System.Net.WebUtility.HtmlEncode(c.Text), WpNs);
            await CData(w, "wp", "comment_approved", WordPressStatuses.CommentApproved(StatusMapping.ToImported(c.Status)), WpNs);
            await CData(w, "wp", "comment_type", "comment", WpNs);
            await Text(w, "wp", "comment_parent", (c.ParentId ?? 0).ToString(CultureInfo.InvariantCulture), WpNs);
            await Text(w, "wp", "comment_user_id", "0", WpNs);
            await w.WriteEndElementAsync();
        }
        await w.WriteEndElementAsync();
    }

    private static async Task Term(XmlWriter w, string domain, string slug, string name)
    {
        await w.WriteStartElementAsync(null, "category", null);
        await w.WriteAttributeStringAsync(null, "domain", null, domain);
        await w.WriteAttributeStringAsync(null, "nicename", null, slug);
        await w.WriteCDataAsync(XmlSafe(name));
        await w.WriteEndElementAsync();
    }

    private static async Task Text(XmlWriter w, string? prefix, string name, string value, string? ns)
    {
        await w.WriteStartElementAsync(prefix, name, ns);
        await w.WriteStringAsync(XmlSafe(value));
        await w.WriteEndElementAsync();
    }

    /// <summary>CDATA as WordPress writes it; text that contains "]]&gt;" is written escaped instead.</summary>
    private static async Task CData(XmlWriter w, string? prefix, string name, string value, string? ns)
    {
        await w.WriteStartElementAsync(prefix, name, ns);
        var safe = XmlSafe(value);
        if (safe.Contains("]]>", StringComparison.Ordinal)) await w.WriteStringAsync(safe);
        else await w.WriteCDataAsync(safe);
        await w.WriteEndElementAsync();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters pasted into a post).</summary>
    private static string XmlSafe(string value) =>
        value.All(XmlConvert.IsXmlChar) ? value : new string(value.Where(XmlConvert.IsXmlChar).ToArray());
}
