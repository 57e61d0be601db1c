namespace HsctJournals.Domain.Treatment;

/// <summary>
/// A clinic's own day count from admission or protocol start, shown beside the transplant-day
/// label (e.g. a Moscow patient gets cells back on protocol day 13, which is Day 0).
/// </summary>
/// <remarks>
/// The start date is day <c>firstDayNumber</c> (1 by default, as in "days 1–4 on site");
/// there is no protocol day before the start date.
/// </remarks>
// domain/hsct.md §0 (Moscow counts from admission) and §1 (Moscow days 1–4 on site).
public static class ProtocolDays
{
    /// <summary>The protocol day number of <paramref name="date"/>, or null before the start.</summary>
    public static int? Number(DateOnly protocolStart, DateOnly date, int firstDayNumber = 1) =>
        date < protocolStart ? null : firstDayNumber + (date.DayNumber - protocolStart.DayNumber);

    /// <summary>"Protocol day 13", or null before the start.</summary>
    public static string? Label(DateOnly protocolStart, DateOnly date, int firstDayNumber = 1) =>
        Number(protocolStart, date, firstDayNumber) is { } number
            ? "Protocol day " + NumberText.Int(number)
            : null;
}
