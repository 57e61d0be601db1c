using System.Security.Claims;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Who is reading: the input to the one access rule. Built from the signed-in principal,
/// from an API token, or from a secret feed token's owner.
/// </summary>
public sealed record Reader(string? UserId, bool IsSiteAdmin)
{
    public static readonly Reader Anonymous = new(null, false);

    public bool IsSignedIn => UserId is not null;

    public static Reader From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? Anonymous : new Reader(id, principal.IsInRole(Roles.SiteAdmin));
    }
}
