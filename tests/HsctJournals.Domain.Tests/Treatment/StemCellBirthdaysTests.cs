using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class StemCellBirthdaysTests
{
    private static readonly DateOnly DayZero = new(2018, 6, 20);

    [Fact]
    public void No_birthday_falls_before_the_first_anniversary()
    {
        Assert.Empty(StemCellBirthdays.Until(DayZero, new DateOnly(2019, 6, 19)));
    }

    [Fact]
    public void The_anniversary_date_itself_is_included()
    {
        var birthday = Assert.Single(StemCellBirthdays.Until(DayZero, new DateOnly(2019, 6, 20)));

        Assert.Equal(new StemCellBirthday(1, new DateOnly(2019, 6, 20)), birthday);
        Assert.Equal("1st stem cell birthday", birthday.Label);
    }

    [Fact]
    public void Six_years_on_lists_six_birthdays_with_ordinal_labels()
    {
        var birthdays = StemCellBirthdays.Until(DayZero, new DateOnly(2024, 12, 31));

        Assert.Equal(
            ["1st", "2nd", "3rd", "4th", "5th", "6th"],
            birthdays.Select(b => b.Label.Split(' ')[0]).ToArray());
        Assert.Equal(new DateOnly(2024, 6, 20), birthdays[^1].Date);
    }

    [Theory]
    [InlineData(11, "11th stem cell birthday")]
    [InlineData(12, "12th stem cell birthday")]
    [InlineData(13, "13th stem cell birthday")]
    [InlineData(21, "21st stem cell birthday")]
    [InlineData(22, "22nd stem cell birthday")]
    [InlineData(111, "111th stem cell birthday")]
    public void Ordinals_follow_English_rules(int number, string expected)
    {
        Assert.Equal(expected, new StemCellBirthday(number, DayZero).Label);
    }

    [Fact]
    public void A_leap_day_transplant_is_celebrated_on_28_February_in_common_years()
    {
        var birthdays = StemCellBirthdays.Until(new DateOnly(2020, 2, 29), new DateOnly(2024, 3, 1));

        Assert.Equal(
            [new DateOnly(2021, 2, 28), new DateOnly(2022, 2, 28), new DateOnly(2023, 2, 28), new DateOnly(2024, 2, 29)],
            birthdays.Select(b => b.Date).ToArray());
    }

    [Fact]
    public void The_next_birthday_is_today_when_today_is_the_anniversary()
    {
        Assert.Equal(new StemCellBirthday(3, new DateOnly(2021, 6, 20)), StemCellBirthdays.Next(DayZero, new DateOnly(2021, 6, 20)));
        Assert.Equal(4, StemCellBirthdays.Next(DayZero, new DateOnly(2021, 6, 21))?.Number);
    }

    [Fact]
    public void Listing_stops_at_the_end_of_the_calendar_without_failing()
    {
        var birthdays = StemCellBirthdays.Until(new DateOnly(9997, 1, 1), DateOnly.MaxValue);

        Assert.Equal(2, birthdays.Count);
    }
}
