using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Admin;

/// <summary>
/// Every page in the Admin folder answers 404 to anyone but a site admin, exactly as an address that does not
/// exist: the admin area's existence is not advertised, and a stranger gets no sign-in prompt for it. It is an
/// authorization filter so it runs before antiforgery: a stranger's POST also gets 404, not 400.
/// </summary>
public sealed class AdminOnlyFilter : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!context.HttpContext.User.IsInRole(Roles.SiteAdmin)) context.Result = new NotFoundResult();
    }
}
