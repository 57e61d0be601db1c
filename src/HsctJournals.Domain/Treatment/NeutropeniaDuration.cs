namespace HsctJournals.Domain.Treatment;

/// <summary>
/// How long the ANC stayed below 0.5 × 10⁹/L after reinfusion, for the clinician summary (issue 9
/// item 3). The threshold and the day's value are those of engraftment (domain/hsct.md §5: ANC 0.5,
/// the day's last value, a derived ANC only within one sample); 0.5 is also the CTCAE grade 4 limit
/// (§6). The count runs from the first day at or after Day 0 whose value is below 0.5 to the day
/// before the computed neutrophil engraftment (the first of its three values), counting the days
/// between samples as the last sample left them (decision 0029).
/// </summary>
public abstract record NeutropeniaDuration
{
    private NeutropeniaDuration()
    {
    }

    /// <summary>No ANC recorded from Day 0 on.</summary>
    public sealed record NoValues : NeutropeniaDuration;

    /// <summary>
    /// No value below 0.5 from Day 0 on, but the low period may not have been recorded
    /// (§5 "cannot compute": the first value after Day 0 comes after Day +7): the length is unknown.
    /// </summary>
    public sealed record Unknown : NeutropeniaDuration;

    /// <summary>Values from Day 0 on, none of them below 0.5.</summary>
    public sealed record NoneRecorded : NeutropeniaDuration;

    /// <summary>Below 0.5 from <paramref name="From"/>; recovered (engrafted) on <paramref name="Until"/>.</summary>
    /// <param name="From">The first day below 0.5.</param>
    /// <param name="Until">The computed neutrophil engraftment date.</param>
    /// <param name="Days">Days below 0.5: from <paramref name="From"/> to the day before <paramref name="Until"/>.</param>
    public sealed record Ended(DateOnly From, DateOnly Until, int Days) : NeutropeniaDuration;

    /// <summary>Below 0.5 and no engraftment yet.</summary>
    /// <param name="From">The first day below 0.5.</param>
    /// <param name="LatestBelow">The latest day whose value is below 0.5.</param>
    /// <param name="DaysSoFar">Days from <paramref name="From"/> to <paramref name="LatestBelow"/>, both counted.</param>
    public sealed record Ongoing(DateOnly From, DateOnly LatestBelow, int DaysSoFar) : NeutropeniaDuration;

    /// <summary>The duration for one course.</summary>
    /// <param name="dayZero">The reinfusion date.</param>
    /// <param name="anc">Every sample's ANC, measured or derived (<see cref="EngraftmentReport.Anc"/>).</param>
    /// <param name="neutrophils">The computed neutrophil outcome of the same values.</param>
    public static NeutropeniaDuration Compute(DateOnly dayZero, IEnumerable<AncValue> anc, EngraftmentOutcome neutrophils)
    {
        // §5: one value per day, the day's last; only from Day 0 on (values before reinfusion are not aplasia).
        var daily = DailyValue.LastOfEachDay(anc.Where(a => a.Date >= dayZero).Select(a => (a.Date, a.Time, a.Value)));
        if (daily.Count == 0) return new NoValues();
        var below = daily.Where(d => d.Value < EngraftmentCalculator.NeutrophilThreshold).ToList();
        if (below.Count == 0)
            return neutrophils is EngraftmentOutcome.CannotCompute ? new Unknown() : new NoneRecorded();
        var from = below[0].Date;
        if (neutrophils is EngraftmentOutcome.Engrafted e && e.Date > from)
            return new Ended(from, e.Date, e.Date.DayNumber - from.DayNumber);
        var latest = below[^1].Date;
        return new Ongoing(from, latest, latest.DayNumber - from.DayNumber + 1);
    }
}
