using HsctJournals.Web.Comments;

namespace HsctJournals.Web.Caching;

/// <summary>
/// Whether a request may be answered with the page every anonymous reader gets: a GET or HEAD without
/// credentials and without the cookies that change a page (sign-in, a commenter's own pending comments,
/// remembered comment details). Everything else bypasses the shared cache.
/// </summary>
public static class AnonymousRequest
{
    /// <summary>The sign-in cookie's name prefix (Identity's application cookie, and its chunks).</summary>
    public const string IdentityCookiePrefix = ".AspNetCore.Identity.";

    public static bool Is(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        if (request.Headers.ContainsKey("Authorization")) return false;
        foreach (var name in request.Cookies.Keys)
        {
            if (name.StartsWith(IdentityCookiePrefix, StringComparison.Ordinal)
                || name is CommentCookies.AuthorCookie or CommentCookies.DetailsCookie)
                return false;
        }
        return true;
    }
}
