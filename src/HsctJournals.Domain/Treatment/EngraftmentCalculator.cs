namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Computes neutrophil and platelet engraftment from dated lab values with the CIBMTR
/// definitions, exactly as domain/hsct.md §5 states them; decision record 0010 explains the
/// readings.
/// </summary>
/// <remarks>
/// For each measure (ANC ≥ 0.5, platelets ≥ 20, platelets ≥ 50):
/// <list type="number">
/// <item>One value per date after Day 0: the day's last (<see cref="DailyValue.LastOfEachDay"/>).
/// ANC is measured or derived per sample (<see cref="AncSeries"/>).</item>
/// <item>No value ever below the threshold (and, for platelets, no transfusion from Day 0): the
/// low period is unrecorded if the first value comes after Day +7 (<see cref="EngraftmentOutcome.CannotCompute"/>);
/// otherwise <see cref="EngraftmentOutcome.NeverBelow"/> once values exist in Day +5…+14 and
/// either Day +100 has passed or the counts recovered after their lowest value; before that
/// <see cref="EngraftmentOutcome.NotYet"/>, "no fall below … recorded so far".</item>
/// <item>Otherwise the nadir is the lowest value from Day +1 to Day +28, the latest if tied.
/// While the latest value is that lowest value, the nadir is not known yet.</item>
/// <item>Engraftment is the first of three consecutive dated values at or above the threshold,
/// the first after the nadir date; for platelets, with no platelet transfusion from 6 days
/// before the first value through the third.</item>
/// </list>
/// </remarks>
public static class EngraftmentCalculator
{
    /// <summary>ANC threshold in 10⁹/L.</summary>
    // domain/hsct.md §5: ANC ≥0.5 × 10⁹/L.
    public const decimal NeutrophilThreshold = 0.5m;

    /// <summary>Platelet threshold in 10⁹/L.</summary>
    // domain/hsct.md §5: platelets ≥20 × 10⁹/L.
    public const decimal PlateletThreshold = 20m;

    /// <summary>The second platelet threshold in 10⁹/L, reported the same way.</summary>
    // domain/hsct.md §5: ≥50 × 10⁹/L reported the same way.
    public const decimal PlateletHigherThreshold = 50m;

    /// <summary>How many consecutive values on different dates make a run.</summary>
    // domain/hsct.md §5: three consecutive values from different days.
    public const int ValuesInRun = 3;

    /// <summary>
    /// A platelet transfusion this many days (or fewer) before the first value of a run, or on any
    /// date up to its third value, disqualifies the run.
    /// </summary>
    // domain/hsct.md §5: "no platelet transfusion from 6 days before the first value through the
    // third value; a transfusion exactly 7 days before the first value does not disqualify it".
    public const int TransfusionWindowDaysBefore = 6;

    /// <summary>The nadir is the lowest value from Day +1 to this day.</summary>
    // domain/hsct.md §5: "the lowest value recorded from Day +1 to Day +28".
    public const int NadirWindowLastDay = 28;

    /// <summary>A first value after this day, at or above the threshold, means the low period was not recorded.</summary>
    // domain/hsct.md §5, outcome 4: "the first value after Day 0 is at or above the threshold and comes after Day +7".
    public const int LowPeriodLastDay = 7;

    /// <summary>"Never below" needs values in this window (first and last day).</summary>
    // domain/hsct.md §5, outcome 3: "only when values exist in the Day +5…+14 window".
    public const int NeverBelowWindowFirstDay = 5, NeverBelowWindowLastDay = 14;

    /// <summary>From this day on, "never below" no longer waits for the counts to recover.</summary>
    // domain/hsct.md §5, outcome 3: "either Day +100 has passed or the counts have recovered".
    public const int NeverBelowSettledDay = 100;

    /// <summary>Neutrophils, platelets ≥20 and platelets ≥50 in one go.</summary>
    /// <param name="dayZero">Day 0.</param>
    /// <param name="values">Lab values in the order they were given (that order settles ties within a sample or day).</param>
    /// <param name="plateletTransfusions">Dates of platelet transfusions (coded product, §5).</param>
    /// <param name="today">Today on the owner's calendar (for the Day +100 rule).</param>
    public static EngraftmentReport Calculate(
        DateOnly dayZero,
        IEnumerable<DatedLabValue> values,
        IEnumerable<DateOnly> plateletTransfusions,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(plateletTransfusions);
        var valueList = values.ToList();
        var transfusionList = plateletTransfusions.ToList();
        var (anc, problems) = AncSeries.From(valueList);
        return new EngraftmentReport(
            Evaluate(dayZero, DailyAnc(anc), NeutrophilThreshold, "ANC", null, today),
            Platelets(dayZero, valueList, transfusionList, PlateletThreshold, today),
            Platelets(dayZero, valueList, transfusionList, PlateletHigherThreshold, today),
            anc,
            problems);
    }

    /// <summary>Neutrophil engraftment: ANC ≥ 0.5 × 10⁹/L on three consecutive values after the nadir.</summary>
    public static EngraftmentOutcome Neutrophils(DateOnly dayZero, IEnumerable<DatedLabValue> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Evaluate(dayZero, DailyAnc(AncSeries.From(values).Values), NeutrophilThreshold, "ANC", null, today);
    }

    /// <summary>Platelet engraftment at <paramref name="threshold"/> (20 or 50 × 10⁹/L).</summary>
    public static EngraftmentOutcome Platelets(
        DateOnly dayZero,
        IEnumerable<DatedLabValue> values,
        IEnumerable<DateOnly> plateletTransfusions,
        decimal threshold,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(plateletTransfusions);
        var daily = DailyValue.LastOfEachDay(values.Where(v => v.Analyte == LabAnalyte.Platelets).Select(v => (v.Date, v.Time, v.Value)));
        return Evaluate(dayZero, daily, threshold, "Platelets", plateletTransfusions.Order().ToList(), today);
    }

    private static IReadOnlyList<DailyValue> DailyAnc(IEnumerable<AncValue> anc) =>
        DailyValue.LastOfEachDay(anc.Select(a => (a.Date, a.Time, a.Value)));

    // transfusions: the platelet transfusions for a platelet measure; null for ANC.
    private static EngraftmentOutcome Evaluate(
        DateOnly dayZero,
        IReadOnlyList<DailyValue> series,
        decimal threshold,
        string what,
        IReadOnlyList<DateOnly>? transfusions,
        DateOnly today)
    {
        var days = series.Where(d => d.Date > dayZero).ToList();
        var limit = $"{NumberText.Measure(threshold)} × 10⁹/L";
        int Day(DateOnly date) => DayNumbering.Offset(dayZero, date);
        string At(DailyValue d) => $"{NumberText.Measure(d.Value)} on {DayNumbering.DayLabel(Day(d.Date))}";

        if (days.Count == 0)
        {
            return new EngraftmentOutcome.NotYet($"No {Lower(what)} value recorded after Day 0 yet.");
        }

        var anyBelow = days.Any(d => d.Value < threshold);
        var transfusedSinceDayZero = transfusions?.Any(t => t >= dayZero) == true;
        if (!anyBelow && Day(days[0].Date) > LowPeriodLastDay)
        {
            return new EngraftmentOutcome.CannotCompute(
                $"The first {Lower(what)} value after Day 0 is {At(days[0])}, at or above {limit} and after Day +{LowPeriodLastDay}: the low period was not recorded, so the nadir and the recovery date cannot be known.");
        }

        var window = days.Where(d => Day(d.Date) is >= 1 and <= NadirWindowLastDay).ToList();
        if (!anyBelow && !transfusedSinceDayZero)
        {
            return NeverBelowOrSoFar(days, window, what, limit, Day(today), Day, At);
        }

        if (window.Count == 0)
        {
            return new EngraftmentOutcome.CannotCompute(
                $"No {Lower(what)} value was recorded from Day +1 to Day +{NadirWindowLastDay}, so the nadir and the recovery date cannot be known.");
        }

        var nadir = Lowest(window);
        if (nadir.Date == days[^1].Date)
        {
            return new EngraftmentOutcome.NotYet(
                $"The latest {Lower(what)} value ({At(nadir)}) is the lowest so far, so the nadir is not known yet, and neither is recovery.");
        }

        var start = days.FindIndex(d => d.Date > nadir.Date);
        var blockedByTransfusion = false;
        for (var i = start; i + ValuesInRun <= days.Count; i++)
        {
            var first = days[i];
            var third = days[i + ValuesInRun - 1];
            if (!days.Skip(i).Take(ValuesInRun).All(d => d.Value >= threshold))
            {
                continue;
            }

            if (transfusions is not null && transfusions.Any(t => t >= first.Date.AddDays(-TransfusionWindowDaysBefore) && t <= third.Date))
            {
                blockedByTransfusion = true;
                continue;
            }

            return new EngraftmentOutcome.Engrafted(first.Date, Day(first.Date));
        }

        var trailing = days.Skip(start).Reverse().TakeWhile(d => d.Value >= threshold).Count();
        var nadirText = $"Nadir {At(nadir)}";
        return new EngraftmentOutcome.NotYet(blockedByTransfusion
            ? $"{nadirText}. {what} have been at or above {limit} on {NumberText.Int(ValuesInRun)} or more dates in a row, but a platelet transfusion falls within {NumberText.Int(TransfusionWindowDaysBefore)} days before the first of them or during the run, so it does not count."
            : $"{nadirText}. {NumberText.Int(trailing)} of {NumberText.Int(ValuesInRun)} consecutive values on different days at or above {limit} since then.");
    }

    private static EngraftmentOutcome NeverBelowOrSoFar(
        List<DailyValue> days,
        List<DailyValue> window,
        string what,
        string limit,
        int todayDay,
        Func<DateOnly, int> day,
        Func<DailyValue, string> at)
    {
        // The first value is on or before Day +7 here, so the nadir window is not empty.
        var lowest = Lowest(window);
        var inMidWindow = days.Any(d => day(d.Date) is >= NeverBelowWindowFirstDay and <= NeverBelowWindowLastDay);
        var recovered = days.Count(d => d.Date > lowest.Date && d.Value > lowest.Value) >= ValuesInRun;
        var settled = todayDay >= NeverBelowSettledDay;
        if (inMidWindow && (settled || recovered))
        {
            return new EngraftmentOutcome.NeverBelow(
                $"{what} never fell below {limit} after Day 0 (lowest {at(lowest)}){(recovered ? ", and they have recovered since" : ", and Day +100 has passed")}.");
        }

        var missing = !inMidWindow
            ? $"values between Day +{NeverBelowWindowFirstDay} and Day +{NeverBelowWindowLastDay}"
            : $"{NumberText.Int(ValuesInRun)} values above the lowest ({at(lowest)}) on later days, or Day +{NeverBelowSettledDay}";
        return new EngraftmentOutcome.NotYet($"No fall below {limit} recorded so far. \"Never below\" needs {missing}.");
    }

    // domain/hsct.md §5: the lowest value, "the latest date if tied".
    private static DailyValue Lowest(IReadOnlyList<DailyValue> values) =>
        values.Aggregate((low, d) => d.Value <= low.Value ? d : low);

    private static string Lower(string what) => what == "ANC" ? what : "platelet";
}
