using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// The unsubscribe link in every message to a follower or commenter. GET asks (mail scanners
/// fetch links); POST unsubscribes. The POST needs no antiforgery token — this page only — because
/// mail clients send the RFC 8058 one-click request (<c>List-Unsubscribe=One-Click</c>) straight
/// to this address; the unforgeable token in the address is what authorises it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Unsubscribing unsubscribing) : PageModel
{
    /// <summary>What the link stops, or null for a link that is not valid.</summary>
    public string? What { get; private set; }
    public bool Done { get; private set; }
    public PageMeta Meta { get; } = new() { NoIndex = true };

    public async Task OnGetAsync(string token, CancellationToken ct) => What = await unsubscribing.DescribeAsync(token, ct);

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        What = await unsubscribing.DescribeAsync(token, ct);
        Done = await unsubscribing.UnsubscribeAsync(token, ct);
    }
}
