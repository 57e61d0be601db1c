using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace HsctJournals.Web.Tests.Accounts;

/// <summary>Small readers of pages and mail used by the account tests.</summary>
internal static partial class Html
{
    /// <summary>The first absolute link in a message's HTML body that contains <paramref name="pathPart"/>, as a local path and query.</summary>
    public static string LinkIn(MimeMessage message, string pathPart)
    {
        var body = message.HtmlBody ?? message.TextBody ?? "";
        var match = Href().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(h => h.Contains(pathPart, StringComparison.Ordinal));
        Assert.True(match is not null, $"No link containing {pathPart} in: {body}");
        return new Uri(match).PathAndQuery;
    }

    /// <summary>The site's CSP allows only its own script files: inline scripts and CDN scripts would be blocked.</summary>
    public static void AssertNoBlockedScript(string html, string page)
    {
        Assert.False(InlineScript().IsMatch(html), $"{page} has an inline <script>, which the Content-Security-Policy blocks.");
        Assert.False(ForeignScript().IsMatch(html), $"{page} loads a script from another site, which the Content-Security-Policy blocks.");
    }

    /// <summary>The page without its per-request antiforgery token, to compare two answers.</summary>
    public static string WithoutTokens(string html) => Token().Replace(html, "value=\"TOKEN\"");

    /// <summary>The value of the first input named <paramref name="inputName"/>, whatever the order of its attributes.</summary>
    public static string FirstValue(string html, string inputName)
    {
        var input = Regex.Match(html, $"<input\\b[^>]*\\bname=\"{Regex.Escape(inputName)}\"[^>]*>");
        var value = Regex.Match(input.Value, "\\bvalue=\"([^\"]+)\"");
        Assert.True(value.Success, $"No {inputName} in the page.");
        return value.Groups[1].Value;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<script[^>]*\\ssrc=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignScript();

    [GeneratedRegex("value=\"[A-Za-z0-9_-]{40,}\"")]
    private static partial Regex Token();
}
