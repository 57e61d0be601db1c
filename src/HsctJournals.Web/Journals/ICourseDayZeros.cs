namespace HsctJournals.Web.Journals;

/// <summary>
/// The Day 0 of every journal's current course, as a query Journals folds into its own (post day labels cost no extra
/// round trip). Treatment owns courses and the definition of "current" (<c>Treatment/CurrentCourse</c>) and implements
/// this, so Journals needs no treatment types.
/// </summary>
public interface ICourseDayZeros
{
    /// <summary>One row per course, each journal's current course first among its rows.</summary>
    IQueryable<CourseDayZero> CurrentFirst();
}

/// <summary>A course's journal and Day 0 (null until set). Built with an object initializer, not a constructor, so EF can compose queries over it.</summary>
public sealed class CourseDayZero
{
    public int JournalId { get; init; }
    public DateOnly? DayZero { get; init; }
}
