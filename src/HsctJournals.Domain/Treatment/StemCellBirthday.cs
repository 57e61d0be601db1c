namespace HsctJournals.Domain.Treatment;

/// <summary>One anniversary of Day 0, e.g. the "1st stem cell birthday".</summary>
/// <param name="Number">Which anniversary: 1 for the first.</param>
/// <param name="Date">The anniversary date.</param>
public sealed record StemCellBirthday(int Number, DateOnly Date)
{
    /// <summary>"1st stem cell birthday", "2nd stem cell birthday", …</summary>
    public string Label => NumberText.Ordinal(Number) + " stem cell birthday";
}
