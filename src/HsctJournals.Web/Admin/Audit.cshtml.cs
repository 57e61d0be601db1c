namespace HsctJournals.Web.Admin;

/// <summary>What admins did, newest first.</summary>
public sealed class AuditModel(AdminAudit audit) : AdminPageModel
{
    public List<AdminAuditEntry> Entries { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool More { get; private set; }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 100_000);
        (Entries, More) = await audit.PageAsync(PageNumber, ct);
    }
}
