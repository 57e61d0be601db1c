using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>Calendar questions are answered in the journal owner's time zone (domain/hsct.md §2).</summary>
public sealed class JournalClock(JournalsDbContext db)
{
    public async Task<TimeZoneInfo> OwnerZoneAsync(int journalId, CancellationToken ct = default)
    {
        var id = await db.JournalMembers.Where(m => m.JournalId == journalId && m.Role == JournalRole.Owner)
            .Select(m => m.User.TimeZoneId).FirstOrDefaultAsync(ct);
        return FindZone(id);
    }

    /// <summary>An IANA zone by id, falling back to UTC for unknown ids rather than failing a page.</summary>
    public static TimeZoneInfo FindZone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
