namespace HsctJournals.Web.Shared;

/// <summary>Names of the API's authentication scheme and authorization policies.</summary>
/// <remarks>
/// The API authenticates with personal access tokens only, never with the site's cookie: a page
/// cannot then be tricked into calling the API on a visitor's behalf (no CSRF), and a missing token
/// answers 401 ProblemDetails instead of redirecting to the login page.
/// </remarks>
public static class ApiAuth
{
    /// <summary>Authentication scheme for <c>Authorization: Bearer TOKEN</c>.</summary>
    public const string Scheme = "Bearer";

    /// <summary>Endpoints that need a signed-in caller (a valid token).</summary>
    public const string Policy = "Api";

    /// <summary>
    /// Endpoints anyone may call: the caller is anonymous unless they send a token, and a token
    /// that is sent must be valid (a typo should not silently turn into an anonymous 404).
    /// </summary>
    public const string ReaderPolicy = "ApiReader";
}
