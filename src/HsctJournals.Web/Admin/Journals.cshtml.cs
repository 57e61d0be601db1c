using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Admin;

/// <summary>Public journals waiting for the front page, and the newest listed ones to take off again.</summary>
public sealed class JournalsModel(FrontPageListing listing) : AdminPageModel
{
    public List<FrontPageListing.Row> Waiting { get; private set; } = [];
    public List<FrontPageListing.Row> Listed { get; private set; } = [];

    /// <summary>The journal a row's button acts on.</summary>
    [BindProperty] public int JournalId { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ActAsync(() => listing.ApproveAsync(User, JournalId, ct), () => LoadAsync(ct));

    public Task<IActionResult> OnPostTakeOffAsync(CancellationToken ct) => ActAsync(() => listing.TakeOffAsync(User, JournalId, ct), () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Waiting = await listing.WaitingAsync(ct);
        Listed = await listing.RecentlyListedAsync(ct);
    }
}
