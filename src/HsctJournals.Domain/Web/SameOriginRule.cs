namespace HsctJournals.Domain.Web;

/// <summary>
/// Whether a browser sent a form from one of our own pages, judged from the headers browsers set themselves and
/// scripts on other sites cannot forge: <c>Sec-Fetch-Site</c> first, <c>Origin</c> when that is missing.
/// Used instead of an antiforgery token for anonymous forms on cached pages (docs/decisions, anonymous forms).
/// </summary>
public static class SameOriginRule
{
    /// <summary>
    /// True when the request came from one of <paramref name="ownOrigins"/> (e.g. <c>https://journals.example.org</c>).
    /// A request with neither header is allowed: it is not from a browser (or from one too old to send them), so it
    /// cannot be a forgery carried out by someone else's browser; the form's other defences still apply.
    /// </summary>
    public static bool Allows(string? secFetchSite, string? origin, IEnumerable<string> ownOrigins)
    {
        if (!string.IsNullOrWhiteSpace(secFetchSite))
            // "same-site" is refused too: a sibling sub-domain may belong to someone else.
            return secFetchSite.Trim().ToLowerInvariant() is "same-origin" or "none";
        if (string.IsNullOrWhiteSpace(origin)) return true;
        var normalised = origin.Trim().TrimEnd('/');
        return ownOrigins.Any(o => string.Equals(o.TrimEnd('/'), normalised, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The origin (scheme, host and port) of an absolute http(s) address, or null when it is not one.</summary>
    public static string? OriginOf(string? absoluteUrl) =>
        Uri.TryCreate(absoluteUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Authority) : null;
}
