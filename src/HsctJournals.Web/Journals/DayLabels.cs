using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Adds the treatment-day label ("Day +12") to post summaries: derived from the course's Day 0
/// on the owner's calendar, never stored (domain/hsct.md §2), and only where the journal shows it.
/// </summary>
public sealed class DayLabels(JournalsDbContext db, ICourseDayZeros dayZeros)
{
    public async Task<IReadOnlyList<PostSummary>> LabelAsync(IReadOnlyList<PostSummary> posts, CancellationToken ct = default)
    {
        if (posts.Count == 0) return posts;
        var slugs = posts.Select(p => p.JournalSlug).Distinct().ToList();
        // One query: each journal with its owner's zone and the Day 0 of its current course (one definition:
        // Treatment's CurrentCourse, behind ICourseDayZeros) as a subquery, so a labelled page pays one round trip, not two.
        var currentFirst = dayZeros.CurrentFirst(); // a query EF inlines as a correlated subquery below
        var bySlug = await db.Journals.Where(j => slugs.Contains(j.Slug) && j.ShowDayNumbers)
            .Select(j => new
            {
                j.Slug,
                Zone = j.Members.Where(m => m.Role == JournalRole.Owner).Select(m => m.User.TimeZoneId).FirstOrDefault(),
                DayZero = currentFirst.Where(c => c.JournalId == j.Id).Select(c => c.DayZero).FirstOrDefault(),
            })
            // Journals without Day 0 are skipped here, not in SQL: a WHERE on the subquery made SQLite read the course twice.
            .AsNoTracking().ToDictionaryAsync(j => j.Slug, ct);
        if (!bySlug.Values.Any(j => j.DayZero is not null)) return posts;

        return posts.Select(p =>
        {
            if (p.PublishedAt is not { } at || !bySlug.TryGetValue(p.JournalSlug, out var j) || j.DayZero is not { } dayZero) return p;
            var localDate = LocalDates.ToLocalDate(new DateTimeOffset(at, TimeSpan.Zero), TimeZones.Find(j.Zone));
            return p with { DayLabel = DayNumbering.Label(dayZero, localDate) };
        }).ToList();
    }
}
