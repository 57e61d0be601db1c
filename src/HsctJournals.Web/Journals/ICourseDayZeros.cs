namespace HsctJournals.Web.Journals;

/// <summary>
/// The Day 0 of a journal's current course, for post day labels (<see cref="DayLabels"/>). Treatment owns courses and
/// the definition of "current" (<c>Treatment/CurrentCourse</c>) and implements this, so Journals needs no treatment types.
/// </summary>
public interface ICourseDayZeros
{
    /// <summary>
    /// The Day 0 of the journal's current course (null without a course or without Day 0), from the one read of that
    /// course a request makes whoever asks (the header's treatment links ask too), so labels cost no statement of their own.
    /// </summary>
    Task<DateOnly?> CurrentDayZeroAsync(int journalId, CancellationToken ct = default);
}
