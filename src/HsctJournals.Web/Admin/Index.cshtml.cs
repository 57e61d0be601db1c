namespace HsctJournals.Web.Admin;

/// <summary>The admin overview: what needs a decision, with links to each screen.</summary>
public sealed class IndexModel(FrontPageListing listing, MailAdministration mail) : AdminPageModel
{
    public int JournalsWaiting { get; private set; }
    public MailAdministration.Status Mail { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        JournalsWaiting = (await listing.WaitingAsync(ct)).Count;
        Mail = await mail.StatusAsync(ct);
    }
}
