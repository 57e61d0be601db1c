namespace HsctJournals.Domain.Treatment;

/// <summary>
/// A calendar date seen from a course's Day 0. Labels are derived from the two dates every time,
/// never stored, because a planned Day 0 can move (domain/hsct.md §2).
/// </summary>
/// <param name="DayZero">The date the cells were infused, as the clinic states it.</param>
/// <param name="Date">The calendar date in the owner's time zone.</param>
public readonly record struct TreatmentDay(DateOnly DayZero, DateOnly Date)
{
    /// <summary>Days from Day 0: negative during conditioning, 0 on the infusion day.</summary>
    public int Offset => DayNumbering.Offset(DayZero, Date);

    /// <summary>Always the day form: "Day −5", "Day 0", "Day +412".</summary>
    public string DayLabel => DayNumbering.DayLabel(Offset);

    /// <summary>The display label, switching to months and years on long horizons.</summary>
    public string Label => DayNumbering.Label(DayZero, Date);

    /// <inheritdoc />
    public override string ToString() => Label;
}
