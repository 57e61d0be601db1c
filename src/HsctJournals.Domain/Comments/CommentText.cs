using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Comments;

/// <summary>
/// Comment text is plain text (design.md invariant 4: rendered only as encoded text). This turns it
/// into safe HTML for display and checks its length.
/// </summary>
/// <remarks>
/// <para>Everything is HTML-encoded with <see cref="WebUtility.HtmlEncode(string)"/>; the only markup
/// produced is <c>&lt;p&gt;</c> for paragraphs (separated by a blank line), <c>&lt;br&gt;</c> for
/// single line breaks and <c>&lt;a&gt;</c> for http/https URLs, which carry
/// <c>rel="nofollow ugc noopener"</c> and an encoded <c>href</c>. No other scheme is ever linked.</para>
/// <para>Trailing punctuation is not part of a link: "see https://x.org/a." links
/// "https://x.org/a", and a closing bracket is kept only when the URL opened one
/// ("(https://en.wikipedia.org/wiki/HSCT_(medicine))").</para>
/// </remarks>
public static partial class CommentText
{
    /// <summary>The longest comment accepted, in UTF-16 code units after line endings are normalised to "\n".</summary>
    public const int MaxLength = 5000;

    /// <summary>The <c>rel</c> value on every link in a comment.</summary>
    public const string LinkRel = "nofollow ugc noopener";

    /// <summary>
    /// Line endings made "\n", control characters other than tab and newline removed, outer
    /// whitespace trimmed. Store comments in this form, so length checks and display agree.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Why <paramref name="text"/> cannot be posted, as a message for the commenter, or
    /// <see langword="null"/> when it is fine (not blank, at most <see cref="MaxLength"/> long).
    /// </summary>
    public static string? Validate(string? text)
    {
        var normalised = Normalise(text);
        if (normalised.Length == 0)
        {
            return "Please write a comment.";
        }

        if (normalised.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Your comment is {normalised.Length:N0} characters long; the limit is {MaxLength:N0}. Please shorten it.");
        }

        return null;
    }

    /// <summary>Safe HTML for <paramref name="text"/>: encoded, with paragraphs, line breaks and http(s) links.</summary>
    public static string ToHtml(string? text)
    {
        var normalised = Normalise(text);
        if (normalised.Length == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder(normalised.Length + 32);
        foreach (var paragraph in BlankLine().Split(normalised))
        {
            if (paragraph.Length == 0)
            {
                continue;
            }

            if (html.Length > 0)
            {
                html.Append('\n');
            }

            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>\n");
                }

                AppendLinked(html, lines[i]);
            }

            html.Append("</p>");
        }

        return html.ToString();
    }

    private static void AppendLinked(StringBuilder html, string line)
    {
        var position = 0;
        foreach (Match match in Url().Matches(line))
        {
            var url = TrimTrailingPunctuation(match.Value);
            if (!IsLinkable(url))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(line[position..match.Index]));
            var encoded = WebUtility.HtmlEncode(url);
            html.Append("<a href=\"").Append(encoded).Append("\" rel=\"").Append(LinkRel).Append("\">")
                .Append(encoded).Append("</a>");
            position = match.Index + url.Length;
        }

        html.Append(WebUtility.HtmlEncode(line[position..]));
    }

    private static string TrimTrailingPunctuation(string url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            var trim = last switch
            {
                '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*' or '\u2019' or '\u201D' => true,
                ')' => Unbalanced(url, '(', ')'),
                ']' => Unbalanced(url, '[', ']'),
                '}' => Unbalanced(url, '{', '}'),
                _ => false,
            };
            if (!trim)
            {
                break;
            }

            url = url[..^1];
        }

        return url;

        static bool Unbalanced(string s, char open, char close) => s.Count(c => c == close) > s.Count(c => c == open);
    }

    private static bool IsLinkable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLine();
}
