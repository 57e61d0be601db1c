namespace HsctJournals.Domain.Treatment;

/// <summary>Turns instants into the owner's calendar dates, which day numbering is based on.</summary>
public static class LocalDates
{
    /// <summary>
    /// The calendar date of <paramref name="instant"/> in <paramref name="ownerTimeZone"/>, e.g.
    /// an observation at 23:30 UTC is already the next day in Moscow.
    /// </summary>
    // domain/hsct.md §2: compute on calendar dates in the patient's time zone.
    public static DateOnly ToLocalDate(DateTimeOffset instant, TimeZoneInfo ownerTimeZone)
    {
        ArgumentNullException.ThrowIfNull(ownerTimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ownerTimeZone).DateTime);
    }
}
