using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Accounts;

/// <summary>Where a sign-in goes afterwards: a local return address, or "My journals" (build 1). Never another site.</summary>
public static class SignInReturn
{
    public const string Home = "/me";

    public static string LocalOrHome(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl != "/" && url.IsLocalUrl(returnUrl) ? returnUrl : Home;
}
