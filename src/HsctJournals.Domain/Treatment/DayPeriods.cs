namespace HsctJournals.Domain.Treatment;

/// <summary>A stretch of days around Day 0 that posts are grouped under, e.g. "Day 0 – Day +30".</summary>
/// <param name="Order">Sorts periods in time order; equal for dates in the same period.</param>
/// <param name="Label">The heading, in the same words as <see cref="DayNumbering"/> labels.</param>
public sealed record DayPeriod(int Order, string Label);

/// <summary>
/// Groups dates by day label only (no phase names): before Day 0, the first month, up to the
/// Day +100 registry milestone, then by month and by year, matching the cut-offs of
/// <see cref="DayNumbering.Label"/> (domain/hsct.md §2).
/// </summary>
public static class DayPeriods
{
    /// <summary>The last day of the first period after Day 0.</summary>
    public const int FirstPeriodEnd = 30;

    /// <summary>The period <paramref name="date"/> falls in.</summary>
    public static DayPeriod Of(DateOnly dayZero, DateOnly date)
    {
        var offset = DayNumbering.Offset(dayZero, date);
        if (offset < 0) return new DayPeriod(0, "Before Day 0");
        if (offset <= FirstPeriodEnd) return new DayPeriod(1, $"{DayNumbering.DayLabel(0)} – {DayNumbering.DayLabel(FirstPeriodEnd)}");
        if (offset <= DayNumbering.LastDayLabelOffset)
            return new DayPeriod(2, $"{DayNumbering.DayLabel(FirstPeriodEnd + 1)} – {DayNumbering.DayLabel(DayNumbering.LastDayLabelOffset)}");
        var years = DayNumbering.WholeYearsSince(dayZero, date);
        if (years >= 1) return new DayPeriod(10_000 + years, "Year " + NumberText.Int(years));
        var months = DayNumbering.WholeMonthsSince(dayZero, date);
        return new DayPeriod(100 + months, "Month " + NumberText.Int(months));
    }
}
