using AngleSharp.Html.Parser;
using HsctJournals.Domain.Photos;
using HsctJournals.Web.Shared;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Photos;

/// <summary>A post's first photo as a small picture for mail: an absolute address and its size and alt text.</summary>
public sealed record PhotoThumbnail(string Url, string Alt, int Width, int Height);

/// <summary>
/// Photo addresses for channels read away from the site — feeds and e-mail — where a root-relative
/// <c>/photos/…</c> means nothing and no sign-in cookie is sent. Every address is absolute from
/// <c>Site:BaseUrl</c> (never the request's Host). For a reader who is not anonymous (a secret feed's owner, a
/// follower with an account) the caller passes their id when the journal is not public, and each address is
/// signed for them (<see cref="SignedPhotoLinks"/>); otherwise addresses are plain, as they are public anyway.
/// </summary>
public sealed class OutsidePhotoLinks(IOptions<SiteOptions> site, SignedPhotoLinks signer)
{
    private const string Prefix = "/photos/";
    private static readonly HtmlParser Parser = new();

    /// <summary>Rendered post HTML with every photo address (img src and srcset, picture sources, full-size links) made absolute.</summary>
    public string Absolute(string html, string? signedFor)
    {
        if (!html.Contains(Prefix, StringComparison.Ordinal)) return html;
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body!;
        foreach (var element in body.QuerySelectorAll("img[src], a[href]"))
        {
            var name = element.HasAttribute("src") ? "src" : "href";
            var value = element.GetAttribute(name)!;
            if (value.StartsWith(Prefix, StringComparison.Ordinal)) element.SetAttribute(name, Url(value, signedFor));
        }
        foreach (var element in body.QuerySelectorAll("img[srcset], source[srcset]"))
            element.SetAttribute("srcset", Srcset.Map(element.GetAttribute("srcset")!, url => url.StartsWith(Prefix, StringComparison.Ordinal) ? Url(url, signedFor) : url));
        return body.InnerHtml;
    }

    /// <summary>The smallest JPEG of the first photo the post HTML shows, absolute (and signed when asked); null when it shows none.</summary>
    public PhotoThumbnail? FirstThumbnail(string html, string? signedFor)
    {
        if (!html.Contains(Prefix, StringComparison.Ordinal)) return null;
        var img = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!
            .QuerySelectorAll("img[src]").FirstOrDefault(i => i.GetAttribute("src")!.StartsWith(Prefix, StringComparison.Ordinal));
        if (img is null) return null;
        int.TryParse(img.GetAttribute("width"), out var fullWidth);
        int.TryParse(img.GetAttribute("height"), out var fullHeight);
        var alt = img.GetAttribute("alt") ?? "";
        // The narrowest width of the srcset; the largest's width and height give its height.
        var candidates = Srcset.Parse(img.GetAttribute("srcset") ?? "").Where(c => c.Url.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0 || fullWidth <= 0 || fullHeight <= 0)
            return new PhotoThumbnail(Url(img.GetAttribute("src")!, signedFor), alt, fullWidth, fullHeight);
        var (path, width) = candidates.MinBy(c => c.Width);
        var size = PhotoVariantPlan.Scaled(fullWidth, fullHeight, width);
        return new PhotoThumbnail(Url(path, signedFor), alt, size.Width, size.Height);
    }

    /// <summary>The absolute address of a root-relative photo path, signed for <paramref name="signedFor"/> when given.</summary>
    public string Url(string path, string? signedFor)
    {
        var absolute = site.Value.Origin + path;
        if (signedFor is null) return absolute;
        var file = path[Prefix.Length..];
        var hash = file[..file.IndexOf('.')];
        return $"{absolute}?{SignedPhotoLinks.QueryName}={Uri.EscapeDataString(signer.Sign(hash, signedFor))}";
    }
}
