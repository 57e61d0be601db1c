using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability;

/// <summary>A journal the person owns, for its backup link.</summary>
public sealed record BackupLink(string Slug, string Title);

/// <summary>"Your data" in the account section: download everything about you (GDPR Art. 15/20), or go to erasure (Art. 17).</summary>
[Authorize]
public sealed class YourDataModel(JournalsDbContext db, PersonalDataExport export, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BackupLink> Owned { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = Reader.From(User).UserId!;
        Owned = await db.JournalMembers.AsNoTracking().Where(m => m.UserId == userId && m.Role == JournalRole.Owner)
            .OrderBy(m => m.Journal.Title).Select(m => new BackupLink(m.Journal.Slug, m.Journal.Title)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        File(await export.CreateAsync(Reader.From(User).UserId!, ct), "application/zip", PersonalDataExport.FileName(clock.GetUtcNow().UtcDateTime));
}
