using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Portability;

/// <summary>
/// Turns WordPress post HTML into the HTML source a post keeps here (see decision 0012): block
/// comments removed, <c>[caption]</c> and <c>[gallery]</c> shortcodes turned into figures and
/// lists, and classic-editor text given its paragraphs the way WordPress's autop does. The result
/// still goes through the sanitiser before it is stored.
/// </summary>
public static partial class WordPressContent
{
    /// <summary>An attachment the gallery shortcode can point at.</summary>
    public sealed record Attachment(string Url, string? Title);

    /// <summary>The post source for WordPress HTML; <paramref name="attachment"/> resolves gallery ids, <paramref name="warnings"/> collects what could not be kept.</summary>
    public static string ToSource(string? html, Func<long, Attachment?> attachment, ICollection<string>? warnings = null)
    {
        var text = (html ?? "").Replace("\r\n", "\n").Replace('\r', '\n');
        text = BlockComment().Replace(text, "");
        text = Caption().Replace(text, m =>
        {
            var inner = m.Groups["inner"].Value.Trim();
            var image = ImageOrLinkedImage().Match(inner);
            if (!image.Success) return inner;
            var caption = inner.Remove(image.Index, image.Length).Trim();
            return $"<figure>{image.Value}<figcaption>{caption}</figcaption></figure>";
        });
        text = Gallery().Replace(text, m =>
        {
            var ids = IdsAttribute().Match(m.Value) is { Success: true } idMatch
                ? idMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            var items = new StringBuilder();
            foreach (var id in ids)
            {
                if (long.TryParse(id, out var number) && attachment(number) is { } found)
                    items.Append("<li><img src=\"").Append(WebUtility.HtmlEncode(found.Url)).Append("\" alt=\"")
                        .Append(WebUtility.HtmlEncode(found.Title ?? "")).Append("\" /></li>");
                else warnings?.Add($"A gallery names attachment {id}, which is not in the file.");
            }
            return items.Length == 0 ? "" : $"<ul class=\"gallery\">{items}</ul>";
        });
        return AutoParagraphs(text);
    }

    /// <summary>
    /// WordPress's autop, in short: blank lines separate paragraphs, single newlines inside a
    /// paragraph are line breaks, and text already in a block element is left alone.
    /// </summary>
    public static string AutoParagraphs(string html)
    {
        // <pre> keeps its blank lines: take it out while splitting.
        var kept = new List<string>();
        var protectedText = Preformatted().Replace(html, m => { kept.Add(m.Value); return $"\u0001{kept.Count - 1}\u0001"; });
        var chunks = BlankLines().Split(protectedText).Select(c => c.Trim()).Where(c => c.Length > 0);
        var blocks = new List<string>();
        foreach (var chunk in chunks)
        {
            // Leading spaces would make a Markdown code block of the next line; they carry no meaning in HTML.
            var lines = string.Join("\n", chunk.Split('\n').Select(l => l.TrimStart()));
            blocks.Add(StartsWithBlock().IsMatch(lines) || lines.StartsWith('\u0001') ? lines : $"<p>{lines.Replace("\n", "<br />\n")}</p>");
        }
        var joined = string.Join("\n\n", blocks);
        return Placeholder().Replace(joined, m => kept[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    /// <summary>A WordPress comment (HTML-ish) as the plain text our comments keep.</summary>
    public static string CommentToText(string? html)
    {
        var text = (html ?? "").Replace("\r\n", "\n");
        text = LineBreak().Replace(text, "\n");
        text = ParagraphEnd().Replace(text, "\n\n");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return ManyBlankLines().Replace(text, "\n\n").Trim();
    }

    [GeneratedRegex(@"<!--\s*/?wp:[\s\S]*?-->|<!--\s*(?:more|nextpage|noteaser)\b[\s\S]*?-->")]
    private static partial Regex BlockComment();
    [GeneratedRegex(@"\[caption\b[^\]]*\](?<inner>[\s\S]*?)\[/caption\]", RegexOptions.IgnoreCase)]
    private static partial Regex Caption();
    [GeneratedRegex(@"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex ImageOrLinkedImage();
    [GeneratedRegex(@"\[gallery\b[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Gallery();
    [GeneratedRegex(@"ids\s*=\s*[""']?([\d,\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex IdsAttribute();
    [GeneratedRegex(@"<pre\b[\s\S]*?</pre>", RegexOptions.IgnoreCase)]
    private static partial Regex Preformatted();
    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();
    [GeneratedRegex(@"^</?(?:p|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|pre|table|thead|tbody|tr|td|th|div|hr|section|article|aside|header|footer|address|details|summary|iframe|video|audio|form|fieldset|style|script)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithBlock();
    [GeneratedRegex("\u0001(\\d+)\u0001")]
    private static partial Regex Placeholder();
    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();
    [GeneratedRegex(@"</p\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphEnd();
    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();
}
