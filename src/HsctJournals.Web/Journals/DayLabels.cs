using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Adds the treatment-day label ("Day +12") to post summaries: derived from the course's Day 0
/// on the owner's calendar, never stored (domain/hsct.md §2), and only where the journal shows it.
/// </summary>
public sealed class DayLabels(JournalsDbContext db)
{
    public async Task<IReadOnlyList<PostSummary>> LabelAsync(IReadOnlyList<PostSummary> posts, CancellationToken ct = default)
    {
        if (posts.Count == 0) return posts;
        var slugs = posts.Select(p => p.JournalSlug).Distinct().ToList();
        var journals = await db.Journals.Where(j => slugs.Contains(j.Slug) && j.ShowDayNumbers)
            .Select(j => new
            {
                j.Slug,
                DayZero = db.TreatmentCourses.Where(c => c.JournalId == j.Id && c.DayZero != null)
                    .OrderByDescending(c => c.CreatedAt).Select(c => c.DayZero).FirstOrDefault(),
                Zone = j.Members.Where(m => m.Role == JournalRole.Owner).Select(m => m.User.TimeZoneId).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(ct);
        var bySlug = journals.Where(j => j.DayZero is not null).ToDictionary(j => j.Slug);
        if (bySlug.Count == 0) return posts;

        return posts.Select(p =>
        {
            if (p.PublishedAt is not { } at || !bySlug.TryGetValue(p.JournalSlug, out var j)) return p;
            var localDate = LocalDates.ToLocalDate(new DateTimeOffset(at, TimeSpan.Zero), JournalClock.FindZone(j.Zone));
            return p with { DayLabel = DayNumbering.Label(j.DayZero!.Value, localDate) };
        }).ToList();
    }
}
