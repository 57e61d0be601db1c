using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HsctJournals.Domain.Photos;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Photos;

/// <summary>A post's HTML with its photo references resolved, and the photos it uses.</summary>
public sealed record RenderedPhotos(string Html, IReadOnlyList<int> PhotoIds, IReadOnlyList<int> UnknownIds);

/// <summary>
/// Turns <c>![alt](photo:42)</c> references in a post's sanitised HTML into responsive images of
/// the post's own journal: a photo alone in a paragraph becomes a <c>&lt;figure&gt;</c> with its
/// caption; several in a row become a gallery grid whose pictures link to the full-size variant
/// (works without JavaScript; with it, a lightbox opens). A reference to a photo that is not in
/// the journal (deleted, or a forged id from another journal) renders nothing.
/// Rendering happens when the post is saved, so readers pay nothing per request.
/// </summary>
public sealed partial class PostPhotos(JournalsDbContext db)
{
    private static readonly HtmlParser Parser = new();

    public static bool HasReferences(string html) => html.Contains("src=\"" + PhotoReference.Scheme, StringComparison.OrdinalIgnoreCase)
        || html.Contains("href=\"" + PhotoReference.Scheme, StringComparison.OrdinalIgnoreCase);

    public async Task<RenderedPhotos> RenderAsync(int journalId, string safeHtml, CancellationToken ct = default)
    {
        if (!HasReferences(safeHtml)) return new RenderedPhotos(safeHtml, [], []);
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + safeHtml + "</body></html>");
        var body = document.Body!;
        var images = body.QuerySelectorAll("img").Where(i => PhotoReference.TryParse(i.GetAttribute("src"), out _)).ToList();
        var ids = images.Select(i => { PhotoReference.TryParse(i.GetAttribute("src"), out var id); return id; }).Distinct().ToList();
        var photos = await db.Photos.AsNoTracking().Include(p => p.Variants)
            .Where(p => p.JournalId == journalId && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

        // Links to photo: references (not images) have nowhere to go.
        foreach (var link in body.QuerySelectorAll("a[href]").Where(a => a.GetAttribute("href")!.StartsWith(PhotoReference.Scheme, StringComparison.OrdinalIgnoreCase)))
            link.RemoveAttribute("href");

        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            var items = PhotoOnlyParagraph(paragraph);
            if (items is null) continue;
            var resolved = items.Select(i => (Img: i, Photo: Resolve(i, photos))).Where(x => x.Photo is not null).ToList();
            var html = resolved.Count switch
            {
                0 => "",
                1 => Figure(resolved[0].Photo!, AltOf(resolved[0].Img, resolved[0].Photo!), Srcset.ColumnSizes, linked: true, gallery: false),
                _ => "<div class=\"gallery\" role=\"group\" aria-label=\"Gallery of " + resolved.Count + " photos\">\n"
                     + string.Concat(resolved.Select(x => Figure(x.Photo!, AltOf(x.Img, x.Photo!), Srcset.GallerySizes, linked: true, gallery: true)))
                     + "</div>\n",
            };
            var holder = document.CreateElement("div");
            holder.InnerHtml = html;
            paragraph.Replace(holder.ChildNodes.ToArray());
        }

        // Photos inside running text, lists or quotes: an inline responsive image, no figure.
        foreach (var img in body.QuerySelectorAll("img").Where(i => PhotoReference.TryParse(i.GetAttribute("src"), out _)).ToList())
        {
            var photo = Resolve(img, photos);
            if (photo is null) { img.Remove(); continue; }
            var holder = document.CreateElement("span");
            holder.InnerHtml = Picture(photo, AltOf(img, photo), Srcset.ColumnSizes);
            img.Replace(holder.ChildNodes.ToArray());
        }

        return new RenderedPhotos(body.InnerHtml, ids.Where(photos.ContainsKey).ToList(), ids.Where(id => !photos.ContainsKey(id)).ToList());
    }

    /// <summary>The photo references in <paramref name="safeHtml"/> that are not photos of the journal.</summary>
    public async Task<IReadOnlyList<int>> UnknownIdsAsync(int journalId, string safeHtml, CancellationToken ct = default) =>
        (await RenderAsync(journalId, safeHtml, ct)).UnknownIds;

    /// <summary>The photo's images when the paragraph holds nothing but photo references, else null.</summary>
    private static List<IElement>? PhotoOnlyParagraph(IElement paragraph)
    {
        var items = new List<IElement>();
        foreach (var node in paragraph.ChildNodes)
        {
            if (node is IText text && string.IsNullOrWhiteSpace(text.Data)) continue;
            if (node is IHtmlBreakRowElement) continue;
            if (node is IHtmlImageElement img && PhotoReference.TryParse(img.GetAttribute("src"), out _)) { items.Add(img); continue; }
            return null;
        }
        return items.Count > 0 ? items : null;
    }

    private static Photo? Resolve(IElement img, Dictionary<int, Photo> photos) =>
        PhotoReference.TryParse(img.GetAttribute("src"), out var id) && photos.TryGetValue(id, out var photo) && photo.Variants.Count > 0 ? photo : null;

    /// <summary>The writer's words in the Markdown win; otherwise the photo's own alt text (empty for a decorative photo).</summary>
    private static string AltOf(IElement img, Photo photo)
    {
        var written = img.GetAttribute("alt")?.Trim();
        return string.IsNullOrEmpty(written) ? (photo.IsDecorative ? "" : photo.AltText) : written;
    }

    public static string Figure(Photo photo, string alt, string sizes, bool linked, bool gallery)
    {
        var e = HtmlEncoder.Default;
        var full = FullSize(photo);
        var sb = new StringBuilder();
        sb.Append(gallery ? "<figure class=\"photo gallery-item\">" : "<figure class=\"photo\">");
        var picture = Picture(photo, alt, sizes);
        if (linked && full is not null)
        {
            var label = alt.Length > 0 ? alt : "photo";
            sb.Append($"<a class=\"photo-full\" href=\"{e.Encode(full.Url)}\" data-width=\"{full.Width}\" data-height=\"{full.Height}\" aria-label=\"{e.Encode(label)} (full size)\">{picture}</a>");
        }
        else sb.Append(picture);
        if (!string.IsNullOrWhiteSpace(photo.Caption)) sb.Append($"<figcaption>{e.Encode(photo.Caption)}</figcaption>");
        sb.Append("</figure>\n");
        return sb.ToString();
    }

    /// <summary>WebP for browsers that take it, JPEG otherwise; each in every width, the browser picks.</summary>
    public static string Picture(Photo photo, string alt, string sizes)
    {
        var e = HtmlEncoder.Default;
        var jpegs = photo.Variants.Where(v => v.Format == PhotoFormat.Jpeg).OrderBy(v => v.Width).ToList();
        var webps = photo.Variants.Where(v => v.Format == PhotoFormat.WebP).OrderBy(v => v.Width).ToList();
        var fallback = jpegs.FirstOrDefault(v => v.Width >= 960) ?? jpegs[^1];
        var largest = jpegs[^1];
        return "<picture>"
            + $"<source type=\"image/webp\" srcset=\"{e.Encode(Srcset.Build(webps.Select(v => (v.Url, v.Width))))}\" sizes=\"{sizes}\">"
            + $"<img src=\"{e.Encode(fallback.Url)}\" srcset=\"{e.Encode(Srcset.Build(jpegs.Select(v => (v.Url, v.Width))))}\" sizes=\"{sizes}\" "
            + $"width=\"{largest.Width}\" height=\"{largest.Height}\" alt=\"{e.Encode(alt)}\" loading=\"lazy\" decoding=\"async\">"
            + "</picture>";
    }

    /// <summary>The largest JPEG variant: the "full size" link target and the lightbox image.</summary>
    public static PhotoVariant? FullSize(Photo photo) =>
        photo.Variants.Where(v => v.Format == PhotoFormat.Jpeg).MaxBy(v => v.Width);

    /// <summary>The smallest JPEG variant: thumbnails on the Photos page and in e-mail.</summary>
    public static PhotoVariant? Thumbnail(Photo photo) =>
        photo.Variants.Where(v => v.Format == PhotoFormat.Jpeg).MinBy(v => v.Width);

    /// <summary>The JPEG of the first photo in rendered post HTML (its fallback &lt;img&gt;), for og:image; null when it shows none.</summary>
    public static string? FirstImagePath(string html) =>
        FirstJpeg().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex("<img src=\"(/photos/[0-9a-f]{64}\\.jpg)\"")]
    private static partial System.Text.RegularExpressions.Regex FirstJpeg();
}
