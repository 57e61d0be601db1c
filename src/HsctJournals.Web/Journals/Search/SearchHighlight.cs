using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace HsctJournals.Web.Journals.Search;

/// <summary>
/// Turns text the database marked with sentinel characters into safe HTML: every character of the
/// post is HTML-encoded, and only the sentinels become &lt;mark&gt; and &lt;/mark&gt;.
/// </summary>
/// <remarks>
/// The database cannot be asked to emit &lt;mark&gt; itself: the snippet would then mix markup we
/// trust with post text we do not. The sentinels are control characters that never survive into a
/// post's plain text; should one be there anyway, the marks still come out balanced.
/// </remarks>
public static class SearchHighlight
{
    /// <summary>Starts a hit in database output.</summary>
    public const char Start = '\u0001';
    /// <summary>Ends a hit in database output.</summary>
    public const char Stop = '\u0002';

    public static IHtmlContent ToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked)) return HtmlString.Empty;
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var runStart = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            var atEnd = i == marked.Length;
            if (!atEnd && marked[i] != Start && marked[i] != Stop) continue;
            html.Append(HtmlEncoder.Default.Encode(marked[runStart..i]));
            runStart = i + 1;
            if (atEnd) break;
            if (marked[i] == Start && !open) { html.Append("<mark>"); open = true; }
            else if (marked[i] == Stop && open) { html.Append("</mark>"); open = false; }
        }
        if (open) html.Append("</mark>");
        return new HtmlString(html.ToString());
    }
}
