using System.Linq.Expressions;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The one definition of "the current course" of a journal: its newest course, by creation time
/// (then id). A second transplant is a new, newer course with its own Day 0 (domain/hsct.md §1), so
/// once it exists its Day 0 — or its lack of one — is what every label, page and API answer uses;
/// an older course's Day 0 is never borrowed.
/// </summary>
public static class CurrentCourse
{
    /// <summary>
    /// The rule: the courses of one journal, the current one first. Kept as an expression so the compiled read below
    /// states it too (every journal page with day labels asks for the current course: decision 0061).
    /// </summary>
    private static readonly Expression<Func<IQueryable<TreatmentCourse>, int, IOrderedQueryable<TreatmentCourse>>> Rule = (courses, journalId) =>
        courses.Where(c => c.JournalId == journalId).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

    private static readonly Func<IQueryable<TreatmentCourse>, int, IOrderedQueryable<TreatmentCourse>> Apply = Rule.Compile();

    /// <summary>The courses of one journal, the current one first; inside a query given to <see cref="QueryRule{TRule}.Inline{T}"/> it stands for the rule.</summary>
    public static IOrderedQueryable<TreatmentCourse> OfJournal(this IQueryable<TreatmentCourse> courses, int journalId) => Apply(courses, journalId);

    private static readonly QueryRule<Func<IQueryable<TreatmentCourse>, int, IOrderedQueryable<TreatmentCourse>>> InQueries = new(OfJournal, Rule);

    /// <summary>The current course of a journal, not tracked, as one statement translated once.</summary>
    internal static readonly CompiledQuery<Func<JournalsDbContext, int, CancellationToken, Task<TreatmentCourse?>>> Untracked = new(() =>
        EF.CompileAsyncQuery(InQueries.Inline<Func<JournalsDbContext, int, CancellationToken, TreatmentCourse?>>((db, journalId, ct) =>
            db.TreatmentCourses.AsNoTracking().OfJournal(journalId).FirstOrDefault())));
}

/// <summary>The Day 0 of a journal's current course, for Journals' post day labels (<see cref="Journals.DayLabels"/>).</summary>
public sealed class CourseDayZeros(TreatmentAccess access) : ICourseDayZeros
{
    public async Task<DateOnly?> CurrentDayZeroAsync(int journalId, CancellationToken ct = default) =>
        (await access.CurrentCourseAsync(journalId, ct))?.DayZero;
}
