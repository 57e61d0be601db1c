using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Feeds;

/// <summary>/robots.txt: everything may be crawled except accounts, the API, personal and writing pages and secret feeds.</summary>
internal static class RobotsTxt
{
    /// <summary>Path prefixes robots should leave alone (wildcards as understood by the major crawlers).</summary>
    private static readonly string[] Disallowed =
    [
        "/Identity/", "/api/", "/me", "/feeds/", "/journals/new",
        "/j/*/write", "/j/*/manage", "/j/*/settings", "/j/*/members",
        "/j/*/posts/*/edit", "/j/*/posts/*/delete", "/j/*/posts/*/revisions",
    ];

    public static string Text(HttpRequest request)
    {
        var lines = new List<string> { "User-agent: *", "Allow: /" };
        lines.AddRange(Disallowed.Select(path => $"Disallow: {path}"));
        lines.Add("");
        lines.Add($"Sitemap: {request.HttpContext.Site().Link("/sitemap.xml")}");
        return string.Join('\n', lines) + "\n";
    }
}
