using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Admin;

/// <summary>SMTP status, a test message, and the outbox messages that gave up.</summary>
public sealed class MailModel(MailAdministration mail) : AdminPageModel
{
    public MailAdministration.Status Status { get; private set; } = null!;
    public List<MailAdministration.GaveUpMessage> GaveUp { get; private set; } = [];

    /// <summary>Where the test goes; kept when the form comes back.</summary>
    [BindProperty] public string? TestTo { get; set; }
    /// <summary>The outbox message a row's button acts on.</summary>
    [BindProperty] public long MessageId { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostTestAsync(CancellationToken ct) => ActAsync(() => mail.SendTestAsync(User, TestTo, ct), () => LoadAsync(ct));

    public Task<IActionResult> OnPostRetryAsync(CancellationToken ct) => ActAsync(() => mail.RetryAsync(User, MessageId, ct), () => LoadAsync(ct));

    public Task<IActionResult> OnPostDiscardAsync(CancellationToken ct) => ActAsync(() => mail.DiscardAsync(User, MessageId, ct), () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Status = await mail.StatusAsync(ct);
        GaveUp = await mail.GaveUpAsync(ct);
    }
}
