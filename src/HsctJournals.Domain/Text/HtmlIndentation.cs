using System.Text;

namespace HsctJournals.Domain.Text;

/// <summary>
/// Takes a template's indentation out of HTML it rendered: a run of whitespace that lies between two tags and holds a
/// line break becomes one line break. A post's 200 comments come out of their template with some 60 KB of indentation,
/// a fifth of the page, sent to every reader (bench/README.md, the fourteenth stop).
/// </summary>
/// <remarks>
/// Browsers lay out a run of whitespace between tags as one space whatever it holds, so the page looks the same, with
/// two exceptions this does not know about: <c>pre</c> and <c>textarea</c> (and CSS <c>white-space: pre</c>), whose
/// whitespace shows. Use it only on HTML that has none of them (the comment threads: comment text becomes only
/// <c>p</c>, <c>br</c> and <c>a</c>, see <see cref="Comments.CommentText"/>). Text between tags is never touched, nor is
/// whitespace without a line break, so "&lt;/a&gt; &lt;span&gt;" keeps its space.
/// </remarks>
public static class HtmlIndentation
{
    /// <summary>The HTML with every whitespace run between '&gt;' and '&lt;' that holds a line break made one "\n".</summary>
    public static string Collapse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        StringBuilder? result = null;
        var copiedUpTo = 0;
        for (var i = html.IndexOf('>'); i >= 0 && i < html.Length - 1; i = html.IndexOf('>', i + 1))
        {
            var end = i + 1;
            var lineBreak = false;
            while (end < html.Length && IsSpace(html[end]))
            {
                lineBreak |= html[end] == '\n';
                end++;
            }

            // Already a lone "\n", or not a run between two tags with a line break in it.
            if (!lineBreak || end == html.Length || html[end] != '<' || end - i == 2) continue;
            result ??= new StringBuilder(html.Length);
            result.Append(html, copiedUpTo, i + 1 - copiedUpTo).Append('\n');
            copiedUpTo = end;
            i = end - 1;
        }

        return result is null ? html : result.Append(html, copiedUpTo, html.Length - copiedUpTo).ToString();
    }

    // HTML's ASCII whitespace (the characters a browser collapses); no other space character is touched.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
