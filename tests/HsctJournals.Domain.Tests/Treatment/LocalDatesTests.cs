using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class LocalDatesTests
{
    private static readonly TimeZoneInfo UtcPlus3 =
        TimeZoneInfo.CreateCustomTimeZone("Test+3", TimeSpan.FromHours(3), "Test +3", "Test +3");

    private static readonly TimeZoneInfo UtcMinus6 =
        TimeZoneInfo.CreateCustomTimeZone("Test-6", TimeSpan.FromHours(-6), "Test -6", "Test -6");

    [Fact]
    public void A_late_evening_UTC_instant_is_already_the_next_day_east_of_UTC()
    {
        var instant = new DateTimeOffset(2024, 3, 14, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2024, 3, 15), LocalDates.ToLocalDate(instant, UtcPlus3));
    }

    [Fact]
    public void An_early_morning_UTC_instant_is_still_the_previous_day_west_of_UTC()
    {
        var instant = new DateTimeOffset(2024, 3, 15, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2024, 3, 14), LocalDates.ToLocalDate(instant, UtcMinus6));
    }

    [Fact]
    public void The_offset_stored_with_the_instant_does_not_decide_the_date()
    {
        // 01:00 at +03:00 is 22:00 the previous day in UTC.
        var instant = new DateTimeOffset(2024, 3, 15, 1, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal(new DateOnly(2024, 3, 14), LocalDates.ToLocalDate(instant, TimeZoneInfo.Utc));
    }
}
