using System.Security.Claims;
using HsctJournals.Domain.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Shared;

/// <summary>
/// Cross-site forgery protection for the forms anonymous readers use on cached pages (comment, follow).
/// A signed-in reader's page is never shared, so it carries an antiforgery token and the POST must return it;
/// an anonymous reader's page is shared by everyone, so it carries none and the POST must come from our own
/// origin instead (decision record "anonymous forms on cached pages").
/// </summary>
public sealed class FormGuard(IAntiforgery antiforgery, IOptions<SiteOptions> site)
{
    /// <summary>True when the form must carry an antiforgery token (the reader is signed in).</summary>
    public static bool NeedsToken(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>True when the POST may be acted on.</summary>
    public async Task<bool> IsValidAsync(HttpContext http)
    {
        if (NeedsToken(http.User)) return await antiforgery.IsRequestValidAsync(http);
        var request = http.Request;
        return SameOriginRule.Allows(request.Headers["Sec-Fetch-Site"], request.Headers.Origin, site.Value.OwnOrigins());
    }
}
