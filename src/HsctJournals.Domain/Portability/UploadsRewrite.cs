using System.Net;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Portability;

/// <summary>An image in an imported post: its address on the old site and the words it was described with.</summary>
public sealed record ImageReference(string Address, string Alt);

/// <summary>
/// Turns the images of an imported post that point at the old site's uploads folder into references
/// to photos of the journal (<c>&lt;img src="photo:42" alt="…"&gt;</c>), which the editor renders
/// like any photo. A link around such an image that leads to the same uploads folder (WordPress's
/// "link to media file") is dropped, because the photo brings its own full-size link. Works on the
/// text, tag by tag, so a source that its writer has since turned into Markdown keeps every other
/// character as it was.
/// </summary>
public static partial class UploadsRewrite
{
    /// <summary>Every image of the source whose address is in an uploads folder, in order.</summary>
    public static IReadOnlyList<ImageReference> References(string source) =>
        ImageTag().Matches(source).Select(m => Image(m.Groups["attrs"].Value))
            .Where(r => r is not null && UploadsFolder.PathOf(r.Address) is not null).Select(r => r!).ToList();

    /// <summary>The source with each image that <paramref name="photoFor"/> knows pointing at its photo; the others are left alone.</summary>
    public static string Apply(string source, Func<string, int?> photoFor) => ImageTag().Replace(source, m =>
    {
        var image = Image(m.Groups["attrs"].Value);
        if (image is null || UploadsFolder.PathOf(image.Address) is null || photoFor(image.Address) is not { } photoId) return m.Value;
        var tag = $"<img src=\"photo:{photoId}\" alt=\"{WebUtility.HtmlEncode(image.Alt)}\">";
        if (!m.Groups["href"].Success) return tag;
        var href = WebUtility.HtmlDecode(m.Groups["href"].Value);
        // A link to somewhere else stays; only the old site's own "media file" link goes.
        return UploadsFolder.PathOf(href) is not null ? tag : m.Groups["open"].Value + tag + "</a>";
    });

    private static ImageReference? Image(string attributes)
    {
        var src = Attribute(attributes, "src");
        return src is null ? null : new ImageReference(src, Attribute(attributes, "alt")?.Trim() ?? "");
    }

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"(?:^|\\s){name}\\s*=\\s*(?:\"(?<v>[^\"]*)\"|'(?<v>[^']*)')", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    // An image, with the link around it when there is one: <a href="…"><img …></a>.
    [GeneratedRegex("""(?:(?<open><a\b[^>]*?\bhref\s*=\s*["'](?<href>[^"']*)["'][^>]*>)\s*)?<img\b(?<attrs>[^>]*?)\s*/?>(?(open)\s*</a>)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImageTag();
}
