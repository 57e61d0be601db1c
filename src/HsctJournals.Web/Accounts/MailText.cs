using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// The plain-text part of an account message that Identity composes as HTML. Each link's address is written
/// out after its words, so someone whose mail program shows only text can still confirm their address or
/// reset their password (issue 8, fix 7: the text part used to read "confirm my address ." with no address).
/// Parsed with AngleSharp (HtmlSanitizer's parser), so entities and quoting are read as a browser would.
/// </summary>
public static partial class MailText
{
    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var hidden in document.QuerySelectorAll("script, style, head").ToList()) hidden.Remove();
        foreach (var link in document.QuerySelectorAll("a[href]").ToList())
        {
            var words = link.TextContent.Trim();
            var address = link.GetAttribute("href")!.Trim();
            link.TextContent = words.Length == 0 || words == address ? address : $"{words} ({address})";
        }
        var text = document.Body?.TextContent ?? "";
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Spaces();
}
