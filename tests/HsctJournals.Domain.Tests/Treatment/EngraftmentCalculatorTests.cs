using HsctJournals.Domain.Treatment;
using CannotCompute = HsctJournals.Domain.Treatment.EngraftmentOutcome.CannotCompute;
using Engrafted = HsctJournals.Domain.Treatment.EngraftmentOutcome.Engrafted;
using NeverBelow = HsctJournals.Domain.Treatment.EngraftmentOutcome.NeverBelow;
using NotYet = HsctJournals.Domain.Treatment.EngraftmentOutcome.NotYet;

namespace HsctJournals.Domain.Tests.Treatment;

// The worked cases of domain/hsct.md §5 (and issue 9), one rule per test.
public class EngraftmentCalculatorTests
{
    private static readonly DateOnly DayZero = new(2024, 5, 10);

    // Most cases are judged on Day +40: counts recorded, Day +100 not yet reached.
    private static readonly DateOnly Today = Day(40);

    private static DateOnly Day(int offset) => DayZero.AddDays(offset);

    private static DatedLabValue Anc(int day, decimal value, int? hour = null) =>
        new(Day(day), LabAnalyte.Anc, value, hour is { } h ? new TimeOnly(h, 0) : null);

    private static DatedLabValue Wbc(int day, decimal value, int? hour = null) =>
        new(Day(day), LabAnalyte.Wbc, value, hour is { } h ? new TimeOnly(h, 0) : null);

    private static DatedLabValue Percent(int day, decimal value, int? hour = null) =>
        new(Day(day), LabAnalyte.NeutrophilPercent, value, hour is { } h ? new TimeOnly(h, 0) : null);

    private static DatedLabValue Plt(int day, decimal value) => new(Day(day), LabAnalyte.Platelets, value);

    private static EngraftmentOutcome Neutrophils(params DatedLabValue[] values) => EngraftmentCalculator.Neutrophils(DayZero, values, Today);

    private static EngraftmentOutcome Platelets20(int[] transfusionDays, params DatedLabValue[] values) =>
        EngraftmentCalculator.Platelets(DayZero, values, transfusionDays.Select(Day), EngraftmentCalculator.PlateletThreshold, Today);

    private static DatedLabValue[] AncDays(int firstDay, params decimal[] values) =>
        values.Select((v, i) => Anc(firstDay + i, v)).ToArray();

    private static DatedLabValue[] PlateletSeries(int firstDay, params decimal[] values) =>
        values.Select((v, i) => Plt(firstDay + i, v)).ToArray();

    // --- neutrophils: the nadir ---

    [Fact]
    public void Neutrophil_engraftment_is_the_first_of_three_values_at_or_above_0_5_after_the_nadir()
    {
        var outcome = Neutrophils(AncDays(1, 2.1m, 1.4m, 0.8m, 0.3m, 0.05m, 0.01m, 0.02m, 0.1m, 0.3m, 0.6m, 1.1m, 2.4m));

        Assert.Equal(new Engrafted(Day(10), 10), outcome);
        Assert.Equal("Day +10", ((Engrafted)outcome).DayLabel);
    }

    [Fact]
    public void Counts_drifting_down_through_0_5_before_the_nadir_do_not_make_an_early_engraftment()
    {
        // The clinical review's case: below 0.5 on Day +3, three values ≥ 0.5 on Days +4…+6, then the
        // real fall to the nadir on Day +9. The first-value-below reading gave Day +4; §5 gives Day +13.
        var outcome = Neutrophils(AncDays(1, 1.2m, 0.8m, 0.45m, 0.6m, 0.55m, 0.52m, 0.3m, 0.1m, 0.02m, 0.1m, 0.3m, 0.4m, 0.6m, 0.9m, 1.4m));

        Assert.Equal(new Engrafted(Day(13), 13), outcome);
    }

    [Fact]
    public void While_the_latest_value_is_the_lowest_so_far_the_nadir_and_engraftment_are_not_known()
    {
        var outcome = Neutrophils(AncDays(1, 1.2m, 0.8m, 0.45m, 0.2m));

        var notYet = Assert.IsType<NotYet>(outcome);
        Assert.Contains("lowest so far", notYet.Reason);
    }

    [Fact]
    public void The_nadir_is_the_latest_of_tied_lowest_values()
    {
        // 0.01 on Day +4 and again on Day +8: the run must start after Day +8 (not Day +5).
        var outcome = Neutrophils(AncDays(1, 0.9m, 0.2m, 0.05m, 0.01m, 0.6m, 0.7m, 0.8m, 0.01m, 0.6m, 0.8m, 1.0m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    [Fact]
    public void A_value_exactly_on_the_threshold_counts_and_one_just_below_does_not()
    {
        Assert.Equal(new Engrafted(Day(8), 8), Neutrophils(Anc(5, 0.1m), Anc(8, 0.5m), Anc(9, 0.5m), Anc(10, 0.5m)));
        Assert.IsType<NotYet>(Neutrophils(Anc(5, 0.1m), Anc(8, 0.5m), Anc(9, 0.49m), Anc(10, 0.5m)));
    }

    [Fact]
    public void Values_drawn_more_than_a_day_apart_still_form_a_run()
    {
        Assert.Equal(new Engrafted(Day(9), 9), Neutrophils(Anc(5, 0.01m), Anc(9, 0.6m), Anc(11, 0.8m), Anc(14, 1.2m)));
    }

    [Fact]
    public void Two_values_at_or_above_the_threshold_are_not_yet_engraftment_and_say_how_far_along_they_are()
    {
        var notYet = Assert.IsType<NotYet>(Neutrophils(AncDays(3, 0.3m, 0.01m, 0.6m, 0.7m)));

        Assert.Contains("2 of 3", notYet.Reason);
        Assert.Contains("Nadir 0.01 on Day +4", notYet.Reason);
    }

    [Fact]
    public void A_dip_after_the_run_does_not_undo_engraftment()
    {
        Assert.Equal(new Engrafted(Day(6), 6), Neutrophils(AncDays(4, 0.1m, 0.01m, 0.6m, 0.7m, 0.9m, 0.4m, 0.9m)));
    }

    [Fact]
    public void Unsorted_input_gives_the_same_result_as_sorted_input()
    {
        var sorted = AncDays(1, 0.9m, 0.2m, 0.01m, 0.6m, 0.8m, 1.0m);

        Assert.Equal(Neutrophils(sorted), Neutrophils(sorted.Reverse().ToArray()));
    }

    [Fact]
    public void No_values_after_Day_0_is_not_yet_even_with_counts_before_Day_0()
    {
        var notYet = Assert.IsType<NotYet>(Neutrophils(Anc(-3, 4.0m), Anc(-1, 0.2m), Anc(0, 0.1m)));

        Assert.Contains("after Day 0", notYet.Reason);
    }

    // --- never below / cannot compute ---

    [Fact]
    public void A_first_value_after_Day_7_at_or_above_the_threshold_cannot_be_computed()
    {
        var outcome = Neutrophils(AncDays(9, 0.8m, 1.1m, 1.5m, 2.0m));

        var cannot = Assert.IsType<CannotCompute>(outcome);
        Assert.Contains("Day +9", cannot.Reason);
        Assert.Equal("cannotCompute", outcome.Status);
    }

    [Fact]
    public void A_first_value_after_Day_7_below_the_threshold_still_gives_a_nadir()
    {
        Assert.Equal(new Engrafted(Day(11), 11), Neutrophils(AncDays(9, 0.1m, 0.05m, 0.6m, 0.9m, 1.4m)));
    }

    [Fact]
    public void Counts_that_never_fell_below_are_only_no_fall_so_far_before_they_recover_and_before_Day_100()
    {
        // Lowest 0.7 on Day +8 is the latest value: not recovered yet.
        var outcome = Neutrophils(AncDays(1, 2.0m, 1.5m, 1.2m, 1.0m, 0.9m, 0.8m, 0.75m, 0.7m));

        var notYet = Assert.IsType<NotYet>(outcome);
        Assert.StartsWith("No fall below 0.5 × 10⁹/L recorded so far", notYet.Reason);
    }

    [Fact]
    public void Counts_that_never_fell_below_and_recovered_after_their_lowest_value_are_never_below()
    {
        var outcome = Neutrophils(AncDays(1, 2.0m, 1.5m, 1.2m, 1.0m, 0.9m, 0.8m, 0.7m, 0.9m, 1.3m, 2.2m));

        var never = Assert.IsType<NeverBelow>(outcome);
        Assert.Contains("0.7 on Day +7", never.Reason);
        Assert.Equal("neverBelow", outcome.Status);
    }

    [Fact]
    public void After_Day_100_counts_that_never_fell_below_are_never_below_without_waiting_for_recovery()
    {
        var values = AncDays(1, 2.0m, 1.5m, 1.2m, 1.0m, 0.9m, 0.8m, 0.75m, 0.7m);

        Assert.IsType<NotYet>(EngraftmentCalculator.Neutrophils(DayZero, values, Day(99)));
        Assert.IsType<NeverBelow>(EngraftmentCalculator.Neutrophils(DayZero, values, Day(100)));
    }

    [Fact]
    public void Never_below_needs_values_between_Day_5_and_Day_14()
    {
        // Values on Days +1…+3 and after Day +20 only: the low period may have been missed.
        var values = new[] { Anc(1, 2.0m), Anc(2, 1.6m), Anc(3, 1.2m), Anc(20, 1.5m), Anc(22, 2.0m), Anc(25, 2.5m) };

        var notYet = Assert.IsType<NotYet>(EngraftmentCalculator.Neutrophils(DayZero, values, Day(120)));
        Assert.Contains("Day +5 and Day +14", notYet.Reason);
    }

    // --- derived ANC and several values a day ---

    [Fact]
    public void A_missing_ANC_is_derived_per_sample_and_marked_derived()
    {
        var (values, problems) = AncSeries.From([Wbc(6, 0.4m, 8), Percent(6, 50m, 8)]);

        Assert.Equal([new AncValue(Day(6), new TimeOnly(8, 0), 0.2m, Derived: true)], values);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_WBC_and_a_percentage_from_different_samples_are_never_combined()
    {
        // WBC on Day +6 at 08:00, % on Day +6 at 14:00; and a % on Day +7 with the WBC on Day +8.
        var (values, problems) = AncSeries.From([Wbc(6, 0.4m, 8), Percent(6, 50m, 14), Percent(7, 60m), Wbc(8, 1.0m)]);

        Assert.Empty(values);
        Assert.Equal(2, problems.Count);
        Assert.Contains("2024-05-16 14:00", problems[0]);
        Assert.Contains("2024-05-17", problems[1]);
    }

    [Fact]
    public void A_measured_ANC_wins_over_the_WBC_and_percentage_of_the_same_sample()
    {
        var (values, _) = AncSeries.From([Wbc(6, 2.0m), Percent(6, 50m), Anc(6, 0.8m)]);

        Assert.Equal([new AncValue(Day(6), null, 0.8m, Derived: false)], values);
    }

    [Fact]
    public void Derived_ANCs_give_engraftment_like_measured_ones()
    {
        var outcome = Neutrophils(
            Wbc(5, 0.2m), Percent(5, 10m), Wbc(9, 1.2m), Percent(9, 50m), Wbc(10, 1.5m), Percent(10, 60m), Wbc(11, 2.0m), Percent(11, 70m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    [Fact]
    public void With_two_values_on_one_day_the_days_last_value_counts()
    {
        // Day +9: 0.3 at 07:00, 0.6 at 18:00 → 0.6 counts; so the run starts on Day +9.
        Assert.Equal(new Engrafted(Day(9), 9), Neutrophils(Anc(5, 0.01m), Anc(9, 0.6m, 18), Anc(9, 0.3m, 7), Anc(10, 0.7m), Anc(11, 0.9m)));

        // The other way round, 0.3 is the later sample and breaks the run.
        Assert.Equal(new Engrafted(Day(10), 10), Neutrophils(Anc(5, 0.01m), Anc(9, 0.6m, 7), Anc(9, 0.3m, 18), Anc(10, 0.7m), Anc(11, 0.9m), Anc(12, 1.1m)));
    }

    [Fact]
    public void With_three_untimed_values_on_one_day_the_one_given_last_counts()
    {
        var outcome = Neutrophils(Anc(5, 0.01m), Anc(9, 0.2m), Anc(9, 0.4m), Anc(9, 0.6m), Anc(10, 0.7m), Anc(11, 0.9m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    // --- platelets ---

    private static DatedLabValue[] TypicalPlatelets() =>
        [Plt(1, 140m), Plt(3, 90m), Plt(5, 40m), Plt(7, 15m), Plt(8, 12m), Plt(9, 18m), Plt(10, 22m), Plt(11, 31m), Plt(12, 45m), Plt(13, 55m), Plt(14, 70m), Plt(15, 90m)];

    [Fact]
    public void Platelets_at_20_and_50_are_reported_the_same_way_after_the_nadir()
    {
        var report = EngraftmentCalculator.Calculate(DayZero, TypicalPlatelets(), [], Today);

        Assert.Equal(new Engrafted(Day(10), 10), report.Platelets20);
        Assert.Equal(new Engrafted(Day(13), 13), report.Platelets50);
    }

    [Fact]
    public void A_platelet_transfusion_exactly_7_days_before_the_first_value_does_not_disqualify_it()
    {
        Assert.Equal(new Engrafted(Day(10), 10), Platelets20([3], TypicalPlatelets()));
    }

    [Fact]
    public void A_platelet_transfusion_exactly_6_days_before_the_first_value_disqualifies_it()
    {
        Assert.Equal(new Engrafted(Day(11), 11), Platelets20([4], TypicalPlatelets()));
    }

    [Fact]
    public void The_manuals_example_last_transfusion_on_Day_0_lets_recovery_start_on_Day_7()
    {
        var values = new[] { Plt(2, 15m), Plt(3, 9m), Plt(6, 25m), Plt(7, 28m), Plt(8, 35m), Plt(9, 40m) };

        Assert.Equal(new Engrafted(Day(7), 7), Platelets20([0], values));
    }

    [Fact]
    public void A_transfusion_inside_the_run_means_the_run_never_counts()
    {
        // Transfused on Day +11, the run's second date: runs starting Day +10 and +11 both contain it.
        var notYetOrLater = Platelets20([11], TypicalPlatelets());

        Assert.Equal(new Engrafted(Day(18), 18),
            Platelets20([11], [.. TypicalPlatelets(), Plt(18, 95m), Plt(19, 100m), Plt(20, 110m)]));
        Assert.IsType<NotYet>(notYetOrLater);
        Assert.Contains("transfusion", ((NotYet)notYetOrLater).Reason);
    }

    [Fact]
    public void A_transfusion_on_the_date_of_the_third_value_is_inside_the_run()
    {
        // Day +12 is the third value of the run from Day +10; every later start is within 6 days of it.
        Assert.IsType<NotYet>(Platelets20([12], TypicalPlatelets()));
    }

    [Fact]
    public void Platelets_that_never_fell_below_20_without_transfusion_are_never_below_once_recovered()
    {
        var outcome = Platelets20([], PlateletSeries(1, 150m, 120m, 90m, 60m, 45m, 40m, 38m, 45m, 60m, 90m));

        Assert.IsType<NeverBelow>(outcome);
    }

    [Fact]
    public void Platelets_that_never_fell_below_20_but_were_transfused_are_counted_from_their_nadir()
    {
        var outcome = Platelets20([5], PlateletSeries(1, 150m, 90m, 60m, 35m, 25m, 60m, 45m, 40m, 50m, 70m, 90m, 120m, 140m, 150m));

        // Nadir 25 on Day +5, the transfusion day: runs starting Day +6…+11 are within 6 days of it; Day +12 is the first clean start.
        Assert.Equal(new Engrafted(Day(12), 12), outcome);
    }

    [Fact]
    public void A_platelet_transfusion_before_Day_0_does_not_stop_never_below()
    {
        Assert.IsType<NeverBelow>(Platelets20([-3], PlateletSeries(1, 150m, 120m, 90m, 60m, 45m, 40m, 38m, 45m, 60m, 90m)));
    }

    [Fact]
    public void No_platelet_values_is_not_yet()
    {
        Assert.IsType<NotYet>(Platelets20([]));
    }

    [Fact]
    public void The_report_carries_the_ANC_series_and_the_problems()
    {
        var report = EngraftmentCalculator.Calculate(DayZero, [Anc(5, 0.01m), Wbc(6, 0.4m), Percent(6, 10m), Percent(7, 20m)], [], Today);

        Assert.Equal(2, report.Anc.Count);
        Assert.True(report.Anc[1].Derived);
        Assert.Single(report.Problems);
    }
}
