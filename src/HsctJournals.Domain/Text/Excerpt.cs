using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Text;

/// <summary>
/// A plain-text excerpt of a post's Markdown source, for listings, feeds, meta descriptions and
/// notification e-mails. The result is text, not HTML: encode it where it is shown.
/// </summary>
/// <remarks>
/// <para>What is removed: heading, quote, list and table markers; emphasis and strike-through
/// markers; link targets (the link text stays); images (alt text too: it describes a picture the
/// excerpt does not show); fenced code blocks (``` and ~~~) with their content; HTML tags, HTML
/// comments and the content of script/style elements; reference definitions; footnote markers.
/// Inline code keeps its text. Entities such as <c>&amp;amp;</c> are decoded.</para>
/// <para>This is a good-enough reading of CommonMark for an excerpt, not a parser: indented code
/// blocks are kept as text, and nested brackets inside link text are not understood.</para>
/// <para>Work is bounded: paragraphs are read only until the excerpt is full, and each paragraph
/// is looked at only up to a generous multiple of the excerpt length, so a huge post costs no
/// more than a short one.</para>
/// </remarks>
public static partial class Excerpt
{
    /// <summary>The default longest excerpt, in characters, ellipsis included.</summary>
    public const int DefaultMaxLength = 280;

    /// <summary>Appended when the text was cut.</summary>
    public const string Ellipsis = "…";

    private const char EscapeBase = '\uE000'; // private-use area: stands in for protected ASCII

    /// <summary>
    /// Strips Markdown from <paramref name="markdown"/>, collapses whitespace and, when longer
    /// than <paramref name="maxLength"/>, cuts at the last word boundary that leaves room for
    /// <see cref="Ellipsis"/> (the result including the ellipsis is at most
    /// <paramref name="maxLength"/> characters). A single word longer than the limit is cut hard.
    /// </summary>
    /// <param name="markdown">Markdown source; <see langword="null"/> gives an empty excerpt.</param>
    /// <param name="maxLength">At least 2 (one character plus the ellipsis).</param>
    public static string FromMarkdown(string? markdown, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var plain = ToPlainText(markdown, stopAfter: maxLength + 1);
        return Shorten(plain, maxLength);
    }

    /// <summary>
    /// Markdown reduced to plain text with whitespace collapsed, without any length limit
    /// beyond <paramref name="stopAfter"/>: once that many characters are collected the rest of
    /// the source is not read.
    /// </summary>
    public static string ToPlainText(string? markdown, int stopAfter = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var blockLimit = stopAfter >= (int.MaxValue - 2000) / 16 ? int.MaxValue : stopAfter * 16 + 2000;
        var text = new StringBuilder();
        foreach (var block in Blocks(markdown))
        {
            var source = block.Length > blockLimit ? block[..blockLimit] : block;
            var plain = Collapse(Inline(source));
            if (plain.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(plain);
            if (text.Length >= stopAfter)
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Collapses whitespace in <paramref name="text"/> and cuts it at a word boundary so that,
    /// with <see cref="Ellipsis"/>, it is at most <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Shorten(string text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        text = Collapse(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = maxLength - Ellipsis.Length;
        // A space at index `room` means the first `room` characters end on a whole word.
        var space = text.LastIndexOf(' ', room);
        var cut = space > 0 ? text[..space] : text[..room];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        // "Counts are up, …" reads worse than "Counts are up…".
        return cut.TrimEnd(' ', ',', ';', ':', '-', '–', '—', '.') + Ellipsis;
    }

    private static IEnumerable<string> Blocks(string markdown)
    {
        var block = new StringBuilder();
        string? fence = null;
        foreach (var rawLine in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = rawLine.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim(fence[0]).Trim().Length == 0)
                {
                    fence = null;
                }

                continue;
            }

            var fenceMatch = FenceOpen().Match(rawLine);
            // A backtick "fence" whose info string holds a backtick is an inline code span.
            if (fenceMatch.Success && !(fenceMatch.Groups[1].Value[0] == '`' && rawLine.AsSpan(fenceMatch.Length).Contains('`')))
            {
                fence = fenceMatch.Groups[1].Value;
                if (block.Length > 0)
                {
                    yield return block.ToString();
                    block.Clear();
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                if (block.Length > 0)
                {
                    yield return block.ToString();
                    block.Clear();
                }

                continue;
            }

            var line = Line(rawLine);
            if (line.Length > 0)
            {
                block.Append(line).Append('\n');
            }
        }

        if (block.Length > 0)
        {
            yield return block.ToString();
        }
    }

    private static string Line(string line)
    {
        if (ThematicBreakOrUnderline().IsMatch(line) || ReferenceDefinition().IsMatch(line) || TableDelimiter().IsMatch(line))
        {
            return string.Empty;
        }

        line = BlockQuote().Replace(line, string.Empty);
        line = Heading().Replace(line, "$1");
        line = ListMarker().Replace(line, string.Empty);
        line = TaskBox().Replace(line, string.Empty);
        if (line.TrimStart().StartsWith('|'))
        {
            line = line.Replace('|', ' ');
        }

        return line;
    }

    private static string Inline(string text)
    {
        text = BackslashEscape().Replace(text, m => Protect(m.Groups[1].Value));
        text = HtmlComment().Replace(text, " ");
        text = ScriptOrStyle().Replace(text, " ");
        text = CodeSpan().Replace(text, m => Protect(m.Groups[2].Value));
        text = Image().Replace(text, string.Empty);
        text = Link().Replace(text, "$1");
        text = FootnoteReference().Replace(text, string.Empty);
        text = ReferenceLink().Replace(text, "$1");
        text = Autolink().Replace(text, "$1");
        text = BlockTag().Replace(text, " ");
        text = HtmlTag().Replace(text, string.Empty);
        text = Strong().Replace(text, "$2");
        text = StarEmphasis().Replace(text, "$1");
        text = UnderscoreEmphasis().Replace(text, "$1");
        text = Strike().Replace(text, "$1");
        text = Unprotect(text);
        return WebUtility.HtmlDecode(text);
    }

    // Punctuation that must survive emphasis and link stripping literally is moved into the
    // private-use area and brought back at the end.
    private static string Protect(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is > ' ' and < '\u007F' && !char.IsLetterOrDigit(chars[i]))
            {
                chars[i] = (char)(EscapeBase + chars[i]);
            }
        }

        return new string(chars);
    }

    private static string Unprotect(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] > EscapeBase && chars[i] < EscapeBase + 0x7F)
            {
                chars[i] = (char)(chars[i] - EscapeBase);
            }
        }

        return new string(chars);
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$")]
    private static partial Regex ThematicBreakOrUnderline();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:[ \t]*\S")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")]
    private static partial Regex TableDelimiter();

    [GeneratedRegex(@"^[ \t]*(?:>[ \t]?)+")]
    private static partial Regex BlockQuote();

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\[[ xX]\][ \t]+")]
    private static partial Regex TaskBox();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex BackslashEscape();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"(`+)(.+?)\1", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!\[[^\]]*\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)|\[[^\]]*\])")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[\^[^\]\s]+\]")]
    private static partial Regex FootnoteReference();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<((?:https?|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex Autolink();

    [GeneratedRegex(@"</?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|hr|pre|section|article|figure|figcaption)\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", RegexOptions.Singleline)]
    private static partial Regex Strong();

    [GeneratedRegex(@"\*(?=\S)(.+?)(?<=\S)\*", RegexOptions.Singleline)]
    private static partial Regex StarEmphasis();

    // Underscores inside words (snake_case, file_name) are not emphasis in CommonMark.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])", RegexOptions.Singleline)]
    private static partial Regex UnderscoreEmphasis();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~", RegexOptions.Singleline)]
    private static partial Regex Strike();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
