using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// What every course edit shares: a course created for the owner is saved before lines refer to
/// it, and each save evicts the journal's cached pages (day labels, embedded charts and the days
/// page follow the course).
/// </summary>
public sealed class CourseStore(JournalsDbContext db, TimeProvider clock, Caching.PageCacheEviction cache)
{
    /// <summary>Saves a course that was just created for the owner, so lines can refer to it.</summary>
    public async Task EnsureSavedAsync(TreatmentCourse course, CancellationToken ct)
    {
        if (course.Id != 0) return;
        if (db.Entry(course).State == EntityState.Detached) db.TreatmentCourses.Add(course);
        if (course.CreatedAt == default) course.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(course, ct);
    }

    /// <summary>Saves, then evicts the journal's cached pages.</summary>
    public async Task SaveAsync(TreatmentCourse course, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await ChangedAsync(course, ct);
    }

    /// <summary>Evicts the journal's cached pages after a change made without change tracking (ExecuteDelete).</summary>
    public Task ChangedAsync(TreatmentCourse course, CancellationToken ct) => cache.JournalChangedAsync(course.JournalId, ct);

    /// <summary>A failed edit with one field error.</summary>
    public static EditResult<T> Fail<T>(string field, string message) where T : class
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.Fail<T>();
    }

    /// <summary>A calendar UID for a follow-up item.</summary>
    public static string NewUid() => Guid.NewGuid().ToString("N") + "@hsct-journals";
}
