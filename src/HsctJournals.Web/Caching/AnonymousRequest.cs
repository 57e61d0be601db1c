using HsctJournals.Web.Comments;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Caching;

/// <summary>What a request carries that may change the page it gets.</summary>
public enum PageReader
{
    /// <summary>A GET or HEAD without credentials or page-changing cookies: the page every anonymous reader gets.</summary>
    Anonymous,

    /// <summary>
    /// Like <see cref="Anonymous"/> but with a commenter's secret cookie, which changes a page only while one of its
    /// comments is held or still editable (<see cref="ISharedPageCookieCheck"/>).
    /// </summary>
    CommenterSecretOnly,

    /// <summary>Signed in, a bearer token, remembered comment details, or not a read: the page is this reader's alone.</summary>
    Personal,
}

/// <summary>
/// Whether a request may be answered with the page every anonymous reader gets: a GET or HEAD without
/// credentials and without the cookies that change a page (sign-in, a commenter's own pending comments,
/// remembered comment details). Everything else bypasses the shared cache.
/// </summary>
public static class AnonymousRequest
{
    /// <summary>The sign-in cookie's name prefix (Identity's application cookie, and its chunks).</summary>
    public const string IdentityCookiePrefix = ".AspNetCore.Identity.";

    public static bool Is(HttpRequest request) => Classify(request) == PageReader.Anonymous;

    public static PageReader Classify(HttpRequest request)
    {
        if (!ReadOnlyRequests.Is(request)) return PageReader.Personal;
        if (request.Headers.ContainsKey("Authorization")) return PageReader.Personal;
        var commenter = false;
        foreach (var name in request.Cookies.Keys)
        {
            if (name.StartsWith(IdentityCookiePrefix, StringComparison.Ordinal) || name == CommentCookies.DetailsCookie)
                return PageReader.Personal;
            if (name == CommentCookies.AuthorCookie) commenter = true;
        }
        return commenter ? PageReader.CommenterSecretOnly : PageReader.Anonymous;
    }
}
