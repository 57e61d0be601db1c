using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Looks up the time zone a journal's calendar questions are answered in: its owner's (domain/hsct.md §2).
/// </summary>
public sealed class JournalTimeZone(JournalsDbContext db)
{
    public async Task<TimeZoneInfo> OwnerZoneAsync(int journalId, CancellationToken ct = default)
    {
        var id = await db.JournalMembers.Where(m => m.JournalId == journalId && m.Role == JournalRole.Owner)
            .Select(m => m.User.TimeZoneId).FirstOrDefaultAsync(ct);
        return TimeZones.Find(id);
    }
}
