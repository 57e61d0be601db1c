using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;

namespace HsctJournals.Web.Shared;

/// <summary>
/// Turns an author's Markdown into HTML that is safe to show (design invariant 4):
/// Markdig renders, HtmlSanitizer removes scripts, event handlers and dangerous URLs,
/// and external links get <c>rel="noopener nofollow ugc"</c>.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        // "photo:" references survive sanitising so Photos.PostPhotos can resolve them within the post's journal.
        foreach (var scheme in new[] { "http", "https", "mailto", "photo" }) _sanitizer.AllowedSchemes.Add(scheme);
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedTags.Remove("form");
        _sanitizer.AllowedTags.Remove("input");
        _sanitizer.AllowedTags.Remove("button");
        _sanitizer.AllowedTags.Remove("textarea");
        _sanitizer.AllowedTags.Remove("select");
        _sanitizer.AllowedAttributes.Add("id");
        _sanitizer.AllowedAttributes.Add("rel");
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement a && IsExternal(a.GetAttribute("href")))
                a.SetAttribute("rel", "noopener nofollow ugc");
        };
    }

    /// <summary>Renders and sanitises. Never throws on user input.</summary>
    public string ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", _pipeline);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Sanitises HTML that is kept as a post's source (an imported WordPress post), with the same rules as rendered Markdown.</summary>
    public string SanitizeHtml(string html) => _sanitizer.Sanitize(html ?? "");

    /// <summary>Plain text for search and feeds: the rendered, sanitised HTML without its tags, blocks separated by spaces.</summary>
    public static string ToPlainText(string safeHtml)
    {
        var text = BlockBoundary().Replace(safeHtml, " ");
        text = AnyTag().Replace(text, "");
        text = System.Net.WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Text for an excerpt: the paragraphs only (headings, code and tables read badly in a list).</summary>
    public static string ParagraphText(string safeHtml)
    {
        var paragraphs = Paragraph().Matches(safeHtml).Select(m => ToPlainText(m.Groups[1].Value)).Where(p => p.Length > 0);
        var text = string.Join(" ", paragraphs);
        return text.Length > 0 ? text : ToPlainText(safeHtml);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<(/(p|h[1-6]|li|blockquote|pre|tr|td|th|div|ul|ol|table)|br\s*/?)>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BlockBoundary();
    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex AnyTag();
    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();
    [System.Text.RegularExpressions.GeneratedRegex(@"<p>(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Paragraph();

    private static bool IsExternal(string? href) =>
        href is not null && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                             || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                             || href.StartsWith("//", StringComparison.Ordinal));
}
