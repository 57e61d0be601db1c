using System.Globalization;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Portability;

/// <summary>
/// The addresses a WordPress post answered at, normalised so a later request can be matched:
/// <c>/2024/03/04/slug/</c> (day and name), <c>/2024/03/slug/</c> (month and name) and
/// <c>/?p=7</c> (plain), plus whatever the export's own <c>&lt;link&gt;</c> says.
/// </summary>
public static partial class OldAddress
{
    /// <summary>The paths recorded for a post: its export link (when on the same site) and the three common permalink shapes.</summary>
    public static IReadOnlyList<string> For(string? link, DateTime localDate, string slug, long postId)
    {
        var paths = new List<string>();
        if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && Normalise(uri.AbsolutePath, uri.Query) is { } own) paths.Add(own);
        var encodedSlug = Uri.EscapeDataString(Uri.UnescapeDataString(slug)).ToLowerInvariant();
        if (encodedSlug.Length > 0)
        {
            paths.Add(string.Create(CultureInfo.InvariantCulture, $"/{localDate:yyyy}/{localDate:MM}/{localDate:dd}/{encodedSlug}/"));
            paths.Add(string.Create(CultureInfo.InvariantCulture, $"/{localDate:yyyy}/{localDate:MM}/{encodedSlug}/"));
        }
        paths.Add(string.Create(CultureInfo.InvariantCulture, $"/?p={postId}"));
        return paths.Distinct().ToList();
    }

    /// <summary>
    /// A request's path and query in recorded form: lower case, one trailing slash, or "/?p=ID"
    /// for the plain shape. Null when it is not one of the shapes an old post could have.
    /// </summary>
    public static string? Normalise(string? path, string? query)
    {
        path = (path ?? "").ToLowerInvariant();
        if ((path is "" or "/" or "/index.php") && PostIdQuery().Match(query ?? "") is { Success: true } m)
            return "/?p=" + long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        if (!DatedPath().IsMatch(path)) return null;
        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>The host (and port when not the default) in recorded form.</summary>
    public static string Host(string host) => host.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^\?(?:.*&)?p=(\d{1,18})(?:&|$)")]
    private static partial Regex PostIdQuery();

    [GeneratedRegex(@"^/\d{4}/\d{2}(?:/\d{2})?/[^/]+/?$")]
    private static partial Regex DatedPath();
}
