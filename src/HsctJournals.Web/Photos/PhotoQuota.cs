using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Photos;

/// <summary>How much a journal's photos take: originals plus variants, counted per photo (shared bytes count for each journal that holds them).</summary>
public static class PhotoQuota
{
    public static async Task<long> UsedBytesAsync(JournalsDbContext db, int journalId, CancellationToken ct = default)
    {
        var originals = await db.Photos.Where(p => p.JournalId == journalId).SumAsync(p => (long?)p.OriginalLength, ct) ?? 0;
        var variants = await db.PhotoVariants.Where(v => v.Photo.JournalId == journalId).SumAsync(v => (long?)v.Length, ct) ?? 0;
        return originals + variants;
    }
}
