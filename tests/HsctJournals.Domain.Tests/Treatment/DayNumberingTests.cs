using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class DayNumberingTests
{
    private static readonly DateOnly DayZero = new(2024, 3, 15);

    [Fact]
    public void The_infusion_day_is_Day_0()
    {
        Assert.Equal(0, DayNumbering.Offset(DayZero, DayZero));
        Assert.Equal("Day 0", DayNumbering.Label(DayZero, DayZero));
    }

    [Fact]
    public void Conditioning_days_use_the_real_minus_sign()
    {
        var label = DayNumbering.Label(DayZero, new DateOnly(2024, 3, 10));

        Assert.Equal("Day \u22125", label);
        Assert.DoesNotContain("-", label);
    }

    [Fact]
    public void Days_after_infusion_carry_a_plus_sign()
    {
        Assert.Equal("Day +12", DayNumbering.Label(DayZero, new DateOnly(2024, 3, 27)));
    }

    [Fact]
    public void There_is_no_gap_between_Day_minus_1_and_Day_plus_1()
    {
        Assert.Equal(-1, DayNumbering.Offset(DayZero, new DateOnly(2024, 3, 14)));
        Assert.Equal(1, DayNumbering.Offset(DayZero, new DateOnly(2024, 3, 16)));
    }

    [Fact]
    public void Offsets_count_calendar_days_across_a_leap_day()
    {
        var dayZero = new DateOnly(2024, 2, 27);

        Assert.Equal(3, DayNumbering.Offset(dayZero, new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void Day_plus_100_is_still_shown_as_a_day()
    {
        Assert.Equal("Day +100", DayNumbering.Label(DayZero, DayZero.AddDays(100)));
    }

    [Fact]
    public void Day_plus_101_switches_to_whole_months_since_Day_0()
    {
        // 15 March + 101 days = 24 June: three whole months have passed.
        Assert.Equal("Month 3", DayNumbering.Label(DayZero, DayZero.AddDays(101)));
    }

    [Fact]
    public void A_six_month_visit_reads_Month_6()
    {
        Assert.Equal("Month 6", DayNumbering.Label(DayZero, new DateOnly(2024, 9, 15)));
        Assert.Equal("Month 5", DayNumbering.Label(DayZero, new DateOnly(2024, 9, 14)));
    }

    [Fact]
    public void The_day_before_the_first_anniversary_is_Month_11()
    {
        Assert.Equal("Month 11", DayNumbering.Label(DayZero, new DateOnly(2025, 3, 14)));
    }

    [Fact]
    public void The_first_anniversary_reads_Year_1()
    {
        Assert.Equal("Year 1", DayNumbering.Label(DayZero, new DateOnly(2025, 3, 15)));
    }

    [Fact]
    public void Year_2_first_appears_on_the_second_anniversary()
    {
        Assert.Equal("Year 1.9", DayNumbering.Label(DayZero, new DateOnly(2026, 3, 14)));
        Assert.Equal("Year 2", DayNumbering.Label(DayZero, new DateOnly(2026, 3, 15)));
    }

    [Fact]
    public void Long_offsets_show_elapsed_years_with_one_decimal_rounded_down()
    {
        // 5 years and 80 of 365 days: 5.21… → "Year 5.2".
        var date = new DateOnly(2029, 3, 15).AddDays(80);

        Assert.Equal("Year 5.2", DayNumbering.Label(DayZero, date));
        Assert.Equal(5.2m, DayNumbering.YearsSince(DayZero, date));
    }

    [Fact]
    public void A_month_from_31_January_ends_on_the_last_day_of_February()
    {
        var dayZero = new DateOnly(2023, 1, 31);

        Assert.Equal(0, DayNumbering.WholeMonthsSince(dayZero, new DateOnly(2023, 2, 27)));
        Assert.Equal(1, DayNumbering.WholeMonthsSince(dayZero, new DateOnly(2023, 2, 28)));
    }

    [Fact]
    public void Whole_months_are_negative_before_Day_0()
    {
        Assert.Equal(-2, DayNumbering.WholeMonthsSince(DayZero, new DateOnly(2024, 1, 10)));
    }

    [Fact]
    public void Labels_are_derived_so_moving_Day_0_moves_every_label()
    {
        var date = new DateOnly(2024, 3, 20);

        Assert.Equal("Day +5", DayNumbering.Label(DayZero, date));
        Assert.Equal("Day +3", DayNumbering.Label(DayZero.AddDays(2), date));
    }

    [Fact]
    public void A_treatment_day_exposes_offset_and_both_labels()
    {
        var day = DayNumbering.On(DayZero, DayZero.AddDays(400));

        Assert.Equal(400, day.Offset);
        Assert.Equal("Day +400", day.DayLabel);
        Assert.Equal("Year 1", day.Label);
        Assert.Equal(day.Label, day.ToString());
    }

    [Fact]
    public void The_day_label_handles_the_most_negative_offset_without_overflow()
    {
        Assert.Equal("Day \u22122147483648", DayNumbering.DayLabel(int.MinValue));
    }
}
