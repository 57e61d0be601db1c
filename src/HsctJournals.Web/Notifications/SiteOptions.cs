namespace HsctJournals.Web.Notifications;

/// <summary>
/// Where the site lives, for absolute links in e-mail (mail is composed by a background job,
/// so there is no request to take the host from).
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address readers use, e.g. https://journals.example.org (no trailing path needed).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>True when <see cref="BaseUrl"/> is an absolute http(s) address without query or fragment.</summary>
    public bool IsValid() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    /// <summary>An absolute link to a site path such as <c>/j/anna</c>.</summary>
    public string Link(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
