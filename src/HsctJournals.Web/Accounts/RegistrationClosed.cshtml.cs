using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Accounts;

/// <summary>Says why the register page is not available, by the site's registration setting.</summary>
public sealed class RegistrationClosedModel(SiteSettingsStore site) : PageModel
{
    public RegistrationMode Mode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Mode = (await site.GetAsync(ct)).Registration;
}
