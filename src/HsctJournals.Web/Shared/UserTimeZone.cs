using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Shared;

/// <summary>A signed-in person's own time zone (from their profile), for showing their own dates.</summary>
public static class UserTimeZone
{
    public static async Task<TimeZoneInfo> FindAsync(JournalsDbContext db, string userId, CancellationToken ct) =>
        TimeZones.Find(await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstOrDefaultAsync(ct));

    /// <summary>A UTC moment as the person reads it on their own pages ("3 Feb 2026 14:05").</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
