namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Day numbering around Day 0 (the infusion day), on calendar dates in the owner's time zone.
/// </summary>
/// <remarks>
/// Label cut-offs (a product decision, not a clinical rule):
/// <list type="bullet">
/// <item>up to and including Day +100 — "Day −5", "Day 0", "Day +12", "Day +100"
/// (Day +100 is the registry milestone);</item>
/// <item>from Day +101 until the day before the first anniversary — "Month N", where N is the
/// number of whole calendar months since Day 0 (so a six-month visit reads "Month 6");</item>
/// <item>from the first anniversary — "Year Y" with one decimal of elapsed years, rounded down
/// ("Year 1", "Year 1.5", "Year 5.2"), so "Year 2" first appears on the second anniversary.</item>
/// </list>
/// Every form counts time elapsed since Day 0, like "Day +12" counts days elapsed.
/// </remarks>
public static class DayNumbering
{
    /// <summary>The last offset shown as "Day +N" by <see cref="Label"/>.</summary>
    public const int LastDayLabelOffset = 100;

    /// <summary>The minus sign (U+2212) used in labels such as "Day −5".</summary>
    public const char MinusSign = '\u2212';

    /// <summary>Days from Day 0 to <paramref name="date"/>; no gap between −1, 0 and +1.</summary>
    // domain/hsct.md §2: calendar dates, not 24-hour periods; Day 0 is the infusion day.
    public static int Offset(DateOnly dayZero, DateOnly date) => date.DayNumber - dayZero.DayNumber;

    /// <summary>Pairs a date with Day 0.</summary>
    public static TreatmentDay On(DateOnly dayZero, DateOnly date) => new(dayZero, date);

    /// <summary>"Day −5", "Day 0" or "Day +12" for an offset from Day 0.</summary>
    public static string DayLabel(int offset) => offset switch
    {
        0 => "Day 0",
        < 0 => "Day " + MinusSign + NumberText.Int(-(long)offset),
        _ => "Day +" + NumberText.Int(offset),
    };

    /// <summary>The display label for a date: days, then months, then years (see remarks on the type).</summary>
    public static string Label(DateOnly dayZero, DateOnly date)
    {
        var offset = Offset(dayZero, date);
        if (offset <= LastDayLabelOffset)
        {
            return DayLabel(offset);
        }

        // domain/hsct.md §2: long offsets are shown as years ("Year 5.2").
        if (WholeYearsSince(dayZero, date) >= 1)
        {
            return "Year " + YearsSince(dayZero, date).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        }

        return "Month " + NumberText.Int(WholeMonthsSince(dayZero, date));
    }

    /// <summary>
    /// Whole calendar months from Day 0 to <paramref name="date"/> (0 before the first monthly
    /// anniversary; a month from 31 January ends on the last day of February).
    /// Negative when the date is before Day 0.
    /// </summary>
    public static int WholeMonthsSince(DateOnly dayZero, DateOnly date)
    {
        if (date < dayZero)
        {
            return -WholeMonthsSince(date, dayZero);
        }

        var months = (date.Year - dayZero.Year) * 12 + date.Month - dayZero.Month;
        if (dayZero.AddMonths(months) > date)
        {
            months--;
        }

        return months;
    }

    /// <summary>
    /// Whole years from Day 0 to <paramref name="date"/>. A Day 0 on 29 February has its
    /// anniversary on 28 February in common years. Negative when the date is before Day 0.
    /// </summary>
    public static int WholeYearsSince(DateOnly dayZero, DateOnly date) => WholeMonthsSince(dayZero, date) / 12;

    /// <summary>
    /// Elapsed years since Day 0 rounded down to one decimal: whole years plus the fraction of
    /// the current anniversary year that has passed. 0 before Day 0.
    /// </summary>
    public static decimal YearsSince(DateOnly dayZero, DateOnly date)
    {
        if (date <= dayZero)
        {
            return 0m;
        }

        var whole = WholeYearsSince(dayZero, date);
        var last = dayZero.AddYears(whole);
        if (dayZero.Year + whole + 1 > DateOnly.MaxValue.Year)
        {
            return whole;
        }

        var next = dayZero.AddYears(whole + 1);
        var fraction = (decimal)(date.DayNumber - last.DayNumber) / (next.DayNumber - last.DayNumber);
        return whole + Math.Floor(fraction * 10m) / 10m;
    }
}
