namespace HsctJournals.Domain.Treatment;

/// <summary>
/// The computed recovery of one measure, one of the four outcomes of domain/hsct.md §5:
/// <see cref="Engrafted"/>, <see cref="NotYet"/>, <see cref="NeverBelow"/> or
/// <see cref="CannotCompute"/>. Recomputed from the recorded values every time, so it changes as
/// values are added; the clinic-declared date is stored separately (§5).
/// </summary>
public abstract record EngraftmentOutcome
{
    private EngraftmentOutcome()
    {
    }

    /// <summary>A short machine-readable name: engrafted, notYet, neverBelow, cannotCompute.</summary>
    public abstract string Status { get; }

    /// <summary>Recovered: the date of the first of the three qualifying values.</summary>
    /// <param name="Date">The engraftment date.</param>
    /// <param name="DayNumber">Its offset from Day 0, e.g. 11 for Day +11.</param>
    public sealed record Engrafted(DateOnly Date, int DayNumber) : EngraftmentOutcome
    {
        /// <inheritdoc />
        public override string Status => "engrafted";

        /// <summary>"Day +11".</summary>
        public string DayLabel => DayNumbering.DayLabel(DayNumber);
    }

    /// <summary>Counts are still being recorded and no qualifying run exists (yet).</summary>
    /// <param name="Reason">What is missing, for the user.</param>
    public sealed record NotYet(string Reason) : EngraftmentOutcome
    {
        /// <inheritdoc />
        public override string Status => "notYet";
    }

    /// <summary>
    /// The count never fell below the threshold (CIBMTR "not applicable"), with the conditions of
    /// §5 met; until they are, the outcome is <see cref="NotYet"/> ("no fall below … so far").
    /// </summary>
    /// <param name="Reason">Why, for the user.</param>
    public sealed record NeverBelow(string Reason) : EngraftmentOutcome
    {
        /// <inheritdoc />
        public override string Status => "neverBelow";
    }

    /// <summary>The low period was not recorded, so the nadir and engraftment cannot be known.</summary>
    /// <param name="Reason">What was missing, for the user.</param>
    public sealed record CannotCompute(string Reason) : EngraftmentOutcome
    {
        /// <inheritdoc />
        public override string Status => "cannotCompute";
    }
}
