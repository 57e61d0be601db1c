using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>
/// The double opt-in link. Opening it shows a button; only the POST confirms, so a mail scanner
/// that fetches links cannot subscribe anyone.
/// </summary>
public sealed class ConfirmFollowModel(Following following) : PageModel
{
    public FollowLink? Link { get; private set; }
    public PageMeta Meta { get; } = new() { NoIndex = true };

    public async Task OnGetAsync(string token, CancellationToken ct) => Link = await following.FindByConfirmSecretAsync(token, ct);

    public async Task OnPostAsync(string token, CancellationToken ct) => Link = await following.ConfirmAsync(token, ct);
}
