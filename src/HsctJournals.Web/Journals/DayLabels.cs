using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Treatment;
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
                j.Id,
                j.Slug,
                Zone = j.Members.Where(m => m.Role == JournalRole.Owner).Select(m => m.User.TimeZoneId).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(ct);
        var ids = journals.Select(j => j.Id).ToList();
        // The current course of each journal (one definition: Treatment.CurrentCourse), then its Day 0.
        var courses = await db.TreatmentCourses.Where(c => ids.Contains(c.JournalId)).NewestFirst()
            .Select(c => new { c.JournalId, c.DayZero }).AsNoTracking().ToListAsync(ct);
        var dayZeroOf = courses.GroupBy(c => c.JournalId).ToDictionary(g => g.Key, g => g.First().DayZero);
        var bySlug = journals.Where(j => dayZeroOf.GetValueOrDefault(j.Id) is not null)
            .ToDictionary(j => j.Slug, j => new { j.Zone, DayZero = dayZeroOf[j.Id] });
        if (bySlug.Count == 0) return posts;

        return posts.Select(p =>
        {
            if (p.PublishedAt is not { } at || !bySlug.TryGetValue(p.JournalSlug, out var j)) return p;
            var localDate = LocalDates.ToLocalDate(new DateTimeOffset(at, TimeSpan.Zero), JournalClock.FindZone(j.Zone));
            return p with { DayLabel = DayNumbering.Label(j.DayZero!.Value, localDate) };
        }).ToList();
    }
}
