using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>Loads a <see cref="CourseSnapshot"/> for a course someone may already see (callers ask <see cref="TreatmentAccess"/> first).</summary>
public sealed class TreatmentQueries(JournalsDbContext db, JournalTimeZone journalTimeZone, TimeProvider clock)
{
    public async Task<CourseSnapshot> LoadAsync(TreatmentView view, CancellationToken ct = default)
    {
        var id = view.Course.Id;
        var course = await db.TreatmentCourses.AsNoTracking().AsSplitQuery()
            .Include(c => c.Drugs).Include(c => c.PriorTherapies).Include(c => c.Phases).Include(c => c.FollowUps)
            .FirstAsync(c => c.Id == id, ct);
        // Decimal columns are TEXT on SQLite, so values are ordered in memory.
        var labs = (await db.LabResults.AsNoTracking().Where(l => l.CourseId == id).ToListAsync(ct))
            .OrderBy(l => l.Date).ThenBy(l => l.Time).ThenBy(l => l.Analyte).ToList();
        var events = (await db.TreatmentEvents.AsNoTracking().Where(e => e.CourseId == id).ToListAsync(ct))
            .OrderBy(e => e.Date).ThenBy(e => e.Id).ToList();
        course.Phases = course.Phases.OrderBy(p => p.Id).ToList();
        course.Drugs = course.Drugs.OrderBy(d => d.Purpose).ThenBy(d => d.StartDate).ThenBy(d => d.Id).ToList();
        course.FollowUps = course.FollowUps.OrderBy(f => f.Due).ThenBy(f => f.Id).ToList();

        var zone = await journalTimeZone.OwnerZoneAsync(view.Journal.Id, ct);
        var today = LocalDates.ToLocalDate(clock.GetUtcNow(), zone);
        return CourseSnapshot.Create(view with { Course = course }, zone, today, labs, events);
    }
}
