namespace HsctJournals.Domain.Treatment;

/// <summary>The value that stands for one calendar date in a count series.</summary>
/// <param name="Date">The date.</param>
/// <param name="Value">The day's last value (domain/hsct.md §5; decision 0010).</param>
public readonly record struct DailyValue(DateOnly Date, decimal Value)
{
    /// <summary>
    /// One value per date: the day's last one — the latest time, values without a time before timed
    /// ones, and among equals the one given last. §5: CIBMTR counts values "on different days"; the
    /// most recent sample of a day is the one that stands for it.
    /// </summary>
    public static IReadOnlyList<DailyValue> LastOfEachDay(IEnumerable<(DateOnly Date, TimeOnly? Time, decimal Value)> values) =>
        values
            .Select((v, order) => (v, order))
            .GroupBy(x => x.v.Date)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(x => x.v.Time ?? TimeOnly.MinValue).ThenBy(x => x.order).Last().v)
            .Select(v => new DailyValue(v.Date, v.Value))
            .ToList();
}
