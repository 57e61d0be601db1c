using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using HsctJournals.Domain.Comments;
using HsctJournals.Domain.Photos;
using HsctJournals.Domain.Portability;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// The backup's static HTML copy: plain pages that open from disk in any browser with no server and
/// no JavaScript — the copy that outlives the service. Live posts only, approved comments only, in
/// their threads; photos are the originals in the zip's photos/ folder. Nothing private is written:
/// no drafts, no held comments, no commenter e-mail addresses.
/// </summary>
public sealed class StaticCopy(MarkdownRenderer markdown)
{
    private static readonly HtmlEncoder E = HtmlEncoder.Default;
    private static readonly HtmlParser Parser = new();

    /// <summary>What the pages of one backup share: its head, with its terms and photos by id.</summary>
    public sealed record Site(BackupHead Head, IReadOnlyDictionary<int, BackupTerm> Categories, IReadOnlyDictionary<int, BackupTerm> Tags,
        IReadOnlyDictionary<int, BackupPhoto> Photos)
    {
        public static Site Of(BackupHead head) =>
            new(head, head.Categories.ToDictionary(c => c.Id), head.Tags.ToDictionary(t => t.Id), head.Photos.ToDictionary(p => p.Id));
    }

    /// <summary>What the index and the archive list of a live post: no text beyond its excerpt.</summary>
    public sealed record Listed(int Id, string Title, string Slug, DateTime PublishedAt, int? CategoryId, string Excerpt);

    /// <summary>Only posts readers could see: published (or scheduled and due) by the time of the backup.</summary>
    public static bool IsLive(BackupPost post, DateTime now) => post.Status != PostStatus.Draft && post.PublishedAt <= now;

    /// <summary>A live post's page (zip entry <see cref="BackupPaths.SitePost"/>), and what the index lists of it.</summary>
    public (string Html, Listed Listed) Post(Site site, BackupPost post)
    {
        var title = site.Head.Journal.Title;
        var html = markdown.ToSafeHtml(post.Markdown);
        var body = new StringBuilder($"<p><a href=\"../index.html\">{E.Encode(title)}</a> › <a href=\"../archive.html\">Archive</a></p>\n<article>\n");
        body.Append($"<h1>{E.Encode(post.Title)}</h1>\n<p class=\"meta\">{Day(post.PublishedAt!.Value)} · {E.Encode(post.Byline ?? post.Author.Name)}");
        if (post.CategoryId is { } c && site.Categories.TryGetValue(c, out var category)) body.Append($" · {E.Encode(category.Name)}");
        var tagNames = post.TagIds.Where(site.Tags.ContainsKey).Select(t => site.Tags[t].Name).ToList();
        if (tagNames.Count > 0) body.Append(" · Tags: ").Append(E.Encode(string.Join(", ", tagNames)));
        body.Append("</p>\n").Append(LocalPhotos(html, site.Photos)).Append("\n</article>\n");
        body.Append(Thread(post, site.Head.Journal.CommentSettings.ThreadDepth));
        var excerpt = post.CustomExcerpt ?? Domain.Text.Excerpt.Shorten(MarkdownRenderer.ParagraphText(html), 280);
        return (Page($"{post.Title} – {title}", null, body.ToString(), ""),
            new Listed(post.Id, post.Title, post.Slug, post.PublishedAt.Value, post.CategoryId, excerpt));
    }

    /// <summary>The index page (<see cref="BackupPaths.SiteIndex"/>): every live post, newest first.</summary>
    public static string Index(Site site, IReadOnlyList<Listed> live)
    {
        var journal = site.Head.Journal;
        var index = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(journal.Tagline)) index.Append($"<p class=\"tagline\">{E.Encode(journal.Tagline)}</p>\n");
        index.Append($"<p>A copy of this journal made on {Day(site.Head.ExportedAt)}. <a href=\"archive.html\">All {live.Count} posts by month</a>.</p>\n");
        index.Append(live.Count == 0 ? "<p>No posts were published.</p>\n" : "<ol class=\"posts\">\n");
        foreach (var post in Newest(live))
            index.Append($"<li><h2><a href=\"posts/{PostFile(post.Slug)}\">{E.Encode(post.Title)}</a></h2><p class=\"meta\">{Day(post.PublishedAt)}</p>"
                         + $"<p>{E.Encode(post.Excerpt)}</p></li>\n");
        if (live.Count > 0) index.Append("</ol>\n");
        return Page(journal.Title, journal.Title, index.ToString(), "");
    }

    /// <summary>The archive page (<see cref="BackupPaths.SiteArchive"/>): live posts by month, then by category.</summary>
    public static string Archive(Site site, IReadOnlyList<Listed> live)
    {
        var title = site.Head.Journal.Title;
        var archive = new StringBuilder($"<p><a href=\"index.html\">{E.Encode(title)}</a></p>\n");
        foreach (var month in Newest(live).GroupBy(p => new DateTime(p.PublishedAt.Year, p.PublishedAt.Month, 1)))
        {
            archive.Append($"<h2>{month.Key.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}</h2>\n<ul>\n");
            foreach (var post in month) archive.Append($"<li><a href=\"posts/{PostFile(post.Slug)}\">{E.Encode(post.Title)}</a> ({Day(post.PublishedAt)})</li>\n");
            archive.Append("</ul>\n");
        }
        var byCategory = Newest(live).Where(p => p.CategoryId is { } id && site.Categories.ContainsKey(id))
            .GroupBy(p => site.Categories[p.CategoryId!.Value].Name).OrderBy(g => g.Key).ToList();
        if (byCategory.Count > 0)
        {
            archive.Append("<h2>By category</h2>\n");
            foreach (var group in byCategory)
            {
                archive.Append($"<h3>{E.Encode(group.Key)}</h3>\n<ul>\n");
                foreach (var post in group) archive.Append($"<li><a href=\"posts/{PostFile(post.Slug)}\">{E.Encode(post.Title)}</a></li>\n");
                archive.Append("</ul>\n");
            }
        }
        return Page($"Archive – {title}", "Archive", archive.ToString(), "");
    }

    private static IEnumerable<Listed> Newest(IEnumerable<Listed> live) => live.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id);

    private static string PostFile(string slug) => BackupPaths.SitePost(slug)["site/posts/".Length..];

    private static string Day(DateTime at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Approved comments in their threads, names and text encoded, e-mail addresses never.</summary>
    private static string Thread(BackupPost post, int depth)
    {
        var approved = post.Comments.Where(c => c.Status == CommentStatus.Approved).ToList();
        var sb = new StringBuilder($"<section aria-labelledby=\"comments\">\n<h2 id=\"comments\">{approved.Count} {(approved.Count == 1 ? "comment" : "comments")}</h2>\n");
        if (approved.Count == 0) return sb.Append("</section>\n").ToString();
        var forest = CommentThreadBuilder.Build(
            approved.Select(c => new CommentSource<BackupComment>(c.Id, c.ParentId, new DateTimeOffset(c.CreatedAt, TimeSpan.Zero), c.AuthorName, c)),
            CommentOrder.OldestFirst, Math.Max(1, depth));
        Nodes(sb, forest.Roots);
        return sb.Append("</section>\n").ToString();
    }

    private static void Nodes(StringBuilder sb, IReadOnlyList<CommentNode<BackupComment>> nodes)
    {
        sb.Append("<ol class=\"comments\">\n");
        foreach (var node in nodes)
        {
            var c = node.Payload;
            var name = string.IsNullOrWhiteSpace(c.AuthorWebsite) || !Uri.TryCreate(c.AuthorWebsite, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https")
                ? E.Encode(c.AuthorName)
                : $"<a href=\"{E.Encode(site.AbsoluteUri)}\" rel=\"nofollow ugc\">{E.Encode(c.AuthorName)}</a>";
            sb.Append($"<li><article class=\"comment\" id=\"comment-{c.Id}\"><p class=\"meta\"><strong>{name}</strong> · {Day(c.CreatedAt)}");
            if (node.InReplyToName is { } to && node.IsFlattened) sb.Append($" · in reply to {E.Encode(to)}");
            sb.Append("</p>");
            foreach (var paragraph in c.Text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
                sb.Append("<p>").Append(E.Encode(paragraph).Replace("&#xA;", "<br>")).Append("</p>");
            sb.Append("</article>");
            if (node.Children.Count > 0) Nodes(sb, node.Children);
            sb.Append("</li>\n");
        }
        sb.Append("</ol>\n");
    }

    /// <summary>Photo references become the originals in the zip (../../photos/…), with their alt text and caption.</summary>
    private static string LocalPhotos(string safeHtml, IReadOnlyDictionary<int, BackupPhoto> photos)
    {
        if (!safeHtml.Contains(PhotoReference.Scheme, StringComparison.OrdinalIgnoreCase)) return safeHtml;
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + safeHtml + "</body></html>");
        foreach (var link in document.QuerySelectorAll("a[href]").Where(a => a.GetAttribute("href")!.StartsWith(PhotoReference.Scheme, StringComparison.OrdinalIgnoreCase)))
            link.RemoveAttribute("href");
        foreach (var img in document.QuerySelectorAll("img").ToList())
        {
            if (!PhotoReference.TryParse(img.GetAttribute("src"), out var id)) continue;
            if (!photos.TryGetValue(id, out var photo)) { img.Remove(); continue; }
            var written = img.GetAttribute("alt")?.Trim();
            var alt = string.IsNullOrEmpty(written) ? (photo.Decorative ? "" : photo.AltText) : written;
            var figure = document.CreateElement("figure");
            var copy = document.CreateElement("img");
            copy.SetAttribute("src", "../../" + photo.File);
            copy.SetAttribute("alt", alt);
            copy.SetAttribute("width", photo.Width.ToString(CultureInfo.InvariantCulture));
            copy.SetAttribute("height", photo.Height.ToString(CultureInfo.InvariantCulture));
            figure.AppendChild(copy);
            if (!string.IsNullOrWhiteSpace(photo.Caption))
            {
                var caption = document.CreateElement("figcaption");
                caption.TextContent = photo.Caption;
                figure.AppendChild(caption);
            }
            img.Replace(figure);
        }
        return document.Body!.InnerHtml;
    }

    private static string Page(string title, string? heading, string body, string head) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{E.Encode(title)}</title>
        <style>
        body {"{"} font: 1.05rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; background: #fff; {"}"}
        a {"{"} color: #0b57a4; {"}"}
        .meta, .tagline {"{"} color: #4a4a4a; {"}"}
        img {"{"} max-width: 100%; height: auto; {"}"}
        figure {"{"} margin: 1rem 0; {"}"}
        ol.posts, ol.comments {"{"} list-style: none; padding-left: 0; {"}"}
        ol.comments ol.comments {"{"} padding-left: 1.25rem; border-left: 2px solid #ddd; {"}"}
        .comment {"{"} margin: .75rem 0; {"}"}
        </style>{head}
        </head>
        <body>
        <main>
        {(heading is null ? "" : $"<h1>{E.Encode(heading)}</h1>\n")}{body}
        </main>
        </body>
        </html>

        """;
}
