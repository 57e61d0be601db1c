namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Computes neutrophil and platelet engraftment from dated lab values with the CIBMTR
/// definitions (domain/hsct.md §5).
/// </summary>
/// <remarks>
/// How the rules are applied:
/// <list type="bullet">
/// <item>Only values dated after Day 0 count; values on Day 0 itself are ignored.</item>
/// <item>Each date gives one value. With several values on one date the lowest is used (the
/// conservative choice), so one low value on a date breaks a run.</item>
/// <item>Counting starts after the post-transplant nadir. Because any value below the
/// threshold breaks a run, this is the same as starting after the first value below the
/// threshold: values at or above it before that (residual cells, G-CSF) are skipped. Without a
/// value below the threshold the nadir is unknown, so neutrophils stay <c>NotYet</c>.</item>
/// <item>Engraftment is the first of three consecutive dated values at or above the threshold
/// (equal counts); the dates need not be consecutive days.</item>
/// <item>On a date without a measured ANC, ANC = WBC × neutrophil % / 100 (neutrophil % meaning
/// segmented + band; callers add them up). With several WBC or % values on that date, the lowest
/// of each is used.</item>
/// <item>Platelets: the first value of the run must have no platelet transfusion in the 7 days
/// before it, counting a transfusion on the same date and one exactly 7 days earlier. Transfusions
/// later in the run are not checked — this follows the reading marked [U] in §5.</item>
/// <item>Platelets are "not applicable" for a threshold when no value after Day 0 fell below it
/// and no platelet transfusion is recorded from Day 0 on. If platelets were transfused but no
/// value below the threshold was recorded, counting starts after the first such transfusion.</item>
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

    /// <summary>Days before the first platelet value of a run that must be transfusion-free.</summary>
    // domain/hsct.md §5: no platelet transfusion in the preceding 7 days.
    public const int TransfusionFreeDays = 7;

    /// <summary>Neutrophils, platelets ≥20 and platelets ≥50 in one go.</summary>
    public static EngraftmentReport Calculate(
        DateOnly dayZero,
        IEnumerable<DatedLabValue> values,
        IEnumerable<DateOnly> plateletTransfusions)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(plateletTransfusions);
        var valueList = values.ToList();
        var transfusionList = plateletTransfusions.ToList();
        return new EngraftmentReport(
            Neutrophils(dayZero, valueList),
            Platelets(dayZero, valueList, transfusionList, PlateletThreshold),
            Platelets(dayZero, valueList, transfusionList, PlateletHigherThreshold));
    }

    /// <summary>Neutrophil engraftment: ANC ≥ 0.5 × 10⁹/L on three consecutive values after the nadir.</summary>
    public static EngraftmentOutcome Neutrophils(DateOnly dayZero, IEnumerable<DatedLabValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var days = DailyAnc(dayZero, values);
        if (days.Count == 0)
        {
            return new EngraftmentOutcome.NotYet("No ANC (or WBC with neutrophil %) recorded after Day 0 yet.");
        }

        var firstBelow = days.FindIndex(d => d.Value < NeutrophilThreshold);
        if (firstBelow < 0)
        {
            return new EngraftmentOutcome.NotYet(
                "No ANC below 0.5 × 10⁹/L recorded after Day 0, so the post-transplant nadir is not known yet; counting starts after it.");
        }

        return FindRun(dayZero, days, firstBelow + 1, NeutrophilThreshold, "ANC", static _ => false);
    }

    /// <summary>
    /// Platelet engraftment at <paramref name="threshold"/> (20 or 50 × 10⁹/L): three consecutive
    /// values after the nadir, the first with no platelet transfusion in the 7 days before it.
    /// </summary>
    public static EngraftmentOutcome Platelets(
        DateOnly dayZero,
        IEnumerable<DatedLabValue> values,
        IEnumerable<DateOnly> plateletTransfusions,
        decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(plateletTransfusions);
        var transfusions = plateletTransfusions.Order().ToList();
        var days = DailyLowest(dayZero, values, LabAnalyte.Platelets);
        var thresholdText = $"{NumberText.Measure(threshold)} × 10⁹/L";

        int start;
        var firstBelow = days.FindIndex(d => d.Value < threshold);
        if (firstBelow >= 0)
        {
            start = firstBelow + 1;
        }
        else
        {
            var firstTransfusion = transfusions.FirstOrDefault(t => t >= dayZero);
            if (!transfusions.Any(t => t >= dayZero))
            {
                // domain/hsct.md §5: "not applicable" if platelets never fell below the threshold and none were transfused.
                return days.Count == 0
                    ? new EngraftmentOutcome.NotYet("No platelet count recorded after Day 0 yet.")
                    : new EngraftmentOutcome.NotApplicable(
                        $"Platelets have not fallen below {thresholdText} after Day 0 and no platelet transfusion is recorded.");
            }

            // Transfused without a recorded value below the threshold: the transfusion marks the low point.
            start = days.FindIndex(d => d.Date > firstTransfusion);
            if (start < 0)
            {
                start = days.Count;
            }
        }

        // domain/hsct.md §5 [U]: no transfusion in the 7 days before the first qualifying value.
        bool RecentlyTransfused(DateOnly date) =>
            transfusions.Any(t => t <= date && t >= date.AddDays(-TransfusionFreeDays));

        return FindRun(dayZero, days, start, threshold, "Platelets", RecentlyTransfused);
    }

    private static EngraftmentOutcome FindRun(
        DateOnly dayZero,
        List<(DateOnly Date, decimal Value)> days,
        int start,
        decimal threshold,
        string what,
        Func<DateOnly, bool> disqualifiesFirstValue)
    {
        for (var i = start; i + ValuesInRun <= days.Count; i++)
        {
            var run = days.Skip(i).Take(ValuesInRun);
            if (run.All(d => d.Value >= threshold) && !disqualifiesFirstValue(days[i].Date))
            {
                return new EngraftmentOutcome.Engrafted(days[i].Date, DayNumbering.Offset(dayZero, days[i].Date));
            }
        }

        var trailing = 0;
        for (var i = days.Count - 1; i >= start && days[i].Value >= threshold; i--)
        {
            trailing++;
        }

        var thresholdText = $"{NumberText.Measure(threshold)} × 10⁹/L";
        if (trailing >= ValuesInRun)
        {
            return new EngraftmentOutcome.NotYet(
                $"{what} have been at or above {thresholdText} {NumberText.Int(trailing)} times in a row, but a run only counts from a value with no platelet transfusion in the {NumberText.Int(TransfusionFreeDays)} days before it.");
        }

        return new EngraftmentOutcome.NotYet(
            $"{NumberText.Int(trailing)} of {NumberText.Int(ValuesInRun)} consecutive values on different days at or above {thresholdText} since the nadir.");
    }

    private static List<(DateOnly Date, decimal Value)> DailyLowest(DateOnly dayZero, IEnumerable<DatedLabValue> values, LabAnalyte analyte) =>
        values
            .Where(v => v.Analyte == analyte && v.Date > dayZero)
            .GroupBy(v => v.Date)
            .Select(g => (g.Key, g.Min(v => v.Value)))
            .OrderBy(d => d.Key)
            .ToList();

    private static List<(DateOnly Date, decimal Value)> DailyAnc(DateOnly dayZero, IEnumerable<DatedLabValue> values)
    {
        var days = new List<(DateOnly Date, decimal Value)>();
        foreach (var date in values.Where(v => v.Date > dayZero).GroupBy(v => v.Date).OrderBy(g => g.Key))
        {
            var anc = date.Where(v => v.Analyte == LabAnalyte.Anc).Select(v => (decimal?)v.Value).Min();
            if (anc is null)
            {
                // domain/hsct.md §5: if ANC is missing, ANC = WBC × (segmented + band neutrophils %) / 100.
                var wbc = date.Where(v => v.Analyte == LabAnalyte.Wbc).Select(v => (decimal?)v.Value).Min();
                var percent = date.Where(v => v.Analyte == LabAnalyte.NeutrophilPercent).Select(v => (decimal?)v.Value).Min();
                anc = wbc * percent / 100m;
            }

            if (anc is { } value)
            {
                days.Add((date.Key, value));
            }
        }

        return days;
    }
}
