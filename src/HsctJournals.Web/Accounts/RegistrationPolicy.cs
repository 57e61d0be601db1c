using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Whether someone may create an account now, by the admin's registration setting: always, only on the way
/// to an open invitation (the invitation link is the register page's return address), or never. Every way
/// of creating an account asks this one rule.
/// </summary>
public sealed class RegistrationPolicy(SiteSettingsStore site, Invitations invitations)
{
    /// <summary>Where the register page sends people it may not serve.</summary>
    public const string ClosedPath = "/register/closed";
    private const string InvitationPrefix = "/invitations/";

    public async Task<bool> AllowsAsync(string? returnUrl, CancellationToken ct) => (await site.GetAsync(ct)).Registration switch
    {
        RegistrationMode.Open => true,
        RegistrationMode.InviteOnly => returnUrl is not null && returnUrl.StartsWith(InvitationPrefix, StringComparison.Ordinal)
            && await invitations.FindOpenAsync(returnUrl[InvitationPrefix.Length..], ct) is not null,
        _ => false,
    };
}

/// <summary>Runs <see cref="RegistrationPolicy"/> before the register page's GET and POST handlers.</summary>
public sealed class RegistrationGate(RegistrationPolicy policy) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!await policy.AllowsAsync(http.Request.Query["returnUrl"].FirstOrDefault(), http.RequestAborted))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(RegistrationPolicy.ClosedPath);
            return;
        }
        await next();
    }
}
