namespace HsctJournals.Domain.Treatment;

/// <summary>
/// The computed recovery of one cell line: <see cref="Engrafted"/>, <see cref="NotYet"/> or
/// <see cref="NotApplicable"/>. Recomputed from the recorded values every time, so it changes
/// as values are added; store a clinic-declared date separately (domain/hsct.md §5).
/// </summary>
public abstract record EngraftmentOutcome
{
    private EngraftmentOutcome()
    {
    }

    /// <summary>Recovered: the date of the first of the three qualifying values.</summary>
    /// <param name="Date">The engraftment date.</param>
    /// <param name="DayNumber">Its offset from Day 0, e.g. 11 for Day +11.</param>
    public sealed record Engrafted(DateOnly Date, int DayNumber) : EngraftmentOutcome
    {
        /// <summary>"Day +11".</summary>
        public string DayLabel => DayNumbering.DayLabel(DayNumber);
    }

    /// <summary>Not (yet) recovered according to the recorded values.</summary>
    /// <param name="Reason">What is missing, for the user.</param>
    public sealed record NotYet(string Reason) : EngraftmentOutcome;

    /// <summary>The definition does not apply, e.g. platelets never fell below the threshold and were never transfused.</summary>
    /// <param name="Reason">Why, for the user.</param>
    public sealed record NotApplicable(string Reason) : EngraftmentOutcome;
}
