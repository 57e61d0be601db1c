using System.Text;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Text;

/// <summary>What an embed shows: a chart or a milestone.</summary>
public enum EmbedKind
{
    /// <summary><c>{{chart: name}}</c>: one of the course's charts.</summary>
    Chart,
    /// <summary><c>{{milestone: name}}</c>: one dated milestone of the course.</summary>
    Milestone,
}

/// <summary>One shortcode as written, e.g. <c>{{chart: neutrophils}}</c>.</summary>
/// <param name="Kind">Chart or milestone.</param>
/// <param name="Name">The name, lower case.</param>
/// <param name="Text">The shortcode as the author wrote it.</param>
/// <param name="Latest">
/// Set by <c>{{chart: neutrophils latest}}</c>: the chart shows the latest values instead of those up to the post's date.
/// </param>
public sealed record EmbedShortcode(EmbedKind Kind, string Name, string Text, bool Latest = false);

/// <summary>
/// Finds embed shortcodes in a post's stored, sanitised HTML. An embed is a shortcode on its own
/// line: Markdig turns it into a paragraph that holds nothing else (several on consecutive lines
/// share one paragraph), and HtmlSanitizer leaves braces alone, so the stored HTML keeps it in a
/// recognisable form. A shortcode inside running text is just text the author wrote.
/// </summary>
/// <remarks>
/// The shortcode names no journal: what it shows always comes from the course of the journal the
/// post belongs to, for the reader at hand (the Web app's <c>PostEmbeds</c>), so nothing in a post can
/// point at someone else's data.
/// </remarks>
public static partial class EmbedShortcodes
{
    /// <summary>Quick test before any work: most posts have no embeds.</summary>
    public static bool Has(string html) => html.Contains("{{", StringComparison.Ordinal) && ShortcodeParagraph().IsMatch(html);

    /// <summary>Replaces every shortcode paragraph with what <paramref name="render"/> gives for each of its shortcodes (empty string: nothing).</summary>
    public static string Replace(string html, Func<EmbedShortcode, string> render)
    {
        if (!Has(html)) return html;
        return ShortcodeParagraph().Replace(html, paragraph =>
        {
            var output = new StringBuilder();
            foreach (Match code in Shortcode().Matches(paragraph.Groups["body"].Value))
                output.Append(render(Parse(code)));
            return output.ToString();
        });
    }

    /// <summary>The HTML with every shortcode removed without a trace: for feeds, the API and search text, which are not per reader.</summary>
    public static string Strip(string html) => Replace(html, _ => "");

    /// <summary>The shortcodes in the HTML, in order.</summary>
    public static IReadOnlyList<EmbedShortcode> Find(string html)
    {
        var list = new List<EmbedShortcode>();
        Replace(html, code => { list.Add(code); return ""; });
        return list;
    }

    private static EmbedShortcode Parse(Match code) => new(
        code.Groups["kind"].Value.Equals("chart", StringComparison.OrdinalIgnoreCase) ? EmbedKind.Chart : EmbedKind.Milestone,
        code.Groups["name"].Value.ToLowerInvariant(), code.Value, code.Groups["latest"].Success);

    // A paragraph made only of shortcodes separated by white space (line breaks inside one paragraph).
    [GeneratedRegex(@"<p>(?<body>(?:\s*\{\{\s*(?:chart|milestone)\s*:\s*[A-Za-z0-9-]{1,40}(?:\s+latest)?\s*\}\})+\s*)</p>\n?", RegexOptions.IgnoreCase)]
    private static partial Regex ShortcodeParagraph();

    [GeneratedRegex(@"\{\{\s*(?<kind>chart|milestone)\s*:\s*(?<name>[A-Za-z0-9-]{1,40})(?:\s+(?<latest>latest))?\s*\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Shortcode();
}
