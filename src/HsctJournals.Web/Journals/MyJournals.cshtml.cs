using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>The journals the signed-in user belongs to, with their role.</summary>
[Authorize]
public sealed class MyJournalsModel(JournalsDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Title, JournalRole Role, JournalVisibility Visibility);
    public List<Row> Journals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = Reader.From(User).UserId;
        Journals = await db.JournalMembers.Where(m => m.UserId == userId)
            .OrderBy(m => m.Journal.Title)
            .Select(m => new Row(m.Journal.Slug, m.Journal.Title, m.Role, m.Journal.Visibility)).ToListAsync(ct);
    }
}
