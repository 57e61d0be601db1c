using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The one definition of "the current course" of a journal: its newest course, by creation time
/// (then id). A second transplant is a new, newer course with its own Day 0 (domain/hsct.md §1), so
/// once it exists its Day 0 — or its lack of one — is what every label, page and API answer uses;
/// an older course's Day 0 is never borrowed.
/// </summary>
public static class CurrentCourse
{
    /// <summary>Courses, newest first: the first row per journal is its current course.</summary>
    public static IOrderedQueryable<TreatmentCourse> NewestFirst(this IQueryable<TreatmentCourse> courses) =>
        courses.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

    /// <summary>The courses of one journal, the current one first.</summary>
    public static IOrderedQueryable<TreatmentCourse> OfJournal(this IQueryable<TreatmentCourse> courses, int journalId) =>
        courses.Where(c => c.JournalId == journalId).NewestFirst();
}

/// <summary>The Day 0 of a journal's current course, for Journals' post day labels (<see cref="Journals.DayLabels"/>).</summary>
public sealed class CourseDayZeros(TreatmentAccess access) : ICourseDayZeros
{
    public async Task<DateOnly?> CurrentDayZeroAsync(int journalId, CancellationToken ct = default) =>
        (await access.CurrentCourseAsync(journalId, ct))?.DayZero;
}
