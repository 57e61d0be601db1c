namespace HsctJournals.Web.Shared;

/// <summary>
/// Where the site lives. Every absolute link the app writes (mail, feeds, sitemap, canonical URLs,
/// secret links shown on pages) is built from <see cref="BaseUrl"/>, never from the request's Host
/// header, which a client chooses (design invariant 9; password-reset poisoning).
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Used when <see cref="BaseUrl"/> is unset in Development only; anywhere else it must be set.</summary>
    public const string DevelopmentBaseUrl = "http://localhost:5000";

    /// <summary>The public address readers use, e.g. https://journals.example.org (no query or fragment).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// Host names accepted besides <see cref="BaseUrl"/>'s host (e.g. an internal health-check name).
    /// Together they become ASP.NET Core's <c>AllowedHosts</c>; a request naming any other host gets 400.
    /// </summary>
    public string[] ExtraHosts { get; set; } = [];

    /// <summary>True when <see cref="BaseUrl"/> is an absolute http(s) address without query or fragment.</summary>
    public bool IsValid() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && ExtraHosts.All(h => !string.IsNullOrWhiteSpace(h) && Uri.CheckHostName(h.Trim()) != UriHostNameType.Unknown);

    /// <summary>Scheme, host and path base without a trailing slash, e.g. <c>https://journals.example.org</c>.</summary>
    public string Origin => BaseUrl.TrimEnd('/');

    /// <summary>True when the public address is https: cookies are then always marked Secure.</summary>
    public bool IsHttps => BaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The host names requests may carry: <see cref="BaseUrl"/>'s host and <see cref="ExtraHosts"/>.</summary>
    public IEnumerable<string> AllowedHosts() =>
        new[] { new Uri(BaseUrl).Host }.Concat(ExtraHosts.Select(h => h.Trim())).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The origins our own pages are served from: <see cref="BaseUrl"/>'s, and each extra host on the same
    /// scheme and port. Never the request's own Host, which a client chooses (a forged Host/Origin pair
    /// would otherwise vouch for itself).
    /// </summary>
    public IEnumerable<string> OwnOrigins()
    {
        var baseUri = new Uri(BaseUrl);
        yield return HsctJournals.Domain.Web.SameOriginRule.OriginOf(BaseUrl)!;
        foreach (var host in ExtraHosts)
            yield return new UriBuilder(baseUri.Scheme, host.Trim(), baseUri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>An absolute link to a site path such as <c>/j/anna</c>.</summary>
    public string Link(string path) => Origin + "/" + path.TrimStart('/');
}
