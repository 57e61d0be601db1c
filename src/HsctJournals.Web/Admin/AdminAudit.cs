using System.Security.Claims;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Admin;

/// <summary>The audit log of admin actions: written in the action's own unit of work, read on the audit page.</summary>
public sealed class AdminAudit(JournalsDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Adds an entry; the caller's <c>SaveChanges</c> stores it with the change it describes.</summary>
    public async Task RecordAsync(ClaimsPrincipal admin, string action, string detail, CancellationToken ct)
    {
        var id = admin.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "A site admin";
        db.AdminAuditEntries.Add(new AdminAuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, AdminId = id, AdminName = name, Action = action,
            Detail = detail.Length > AdminAuditEntry.DetailMaxLength ? detail[..AdminAuditEntry.DetailMaxLength] : detail,
        });
    }

    /// <summary>One page of the log, newest first, and whether there is an older page.</summary>
    public async Task<(List<AdminAuditEntry> Entries, bool More)> PageAsync(int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var rows = await db.AdminAuditEntries.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }
}
