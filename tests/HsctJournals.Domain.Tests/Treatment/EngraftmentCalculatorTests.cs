using HsctJournals.Domain.Treatment;
using Engrafted = HsctJournals.Domain.Treatment.EngraftmentOutcome.Engrafted;
using NotApplicable = HsctJournals.Domain.Treatment.EngraftmentOutcome.NotApplicable;
using NotYet = HsctJournals.Domain.Treatment.EngraftmentOutcome.NotYet;

namespace HsctJournals.Domain.Tests.Treatment;

public class EngraftmentCalculatorTests
{
    private static readonly DateOnly DayZero = new(2024, 5, 10);

    private static DateOnly Day(int offset) => DayZero.AddDays(offset);

    private static DatedLabValue Anc(int day, decimal value) => new(Day(day), LabAnalyte.Anc, value);

    private static DatedLabValue Wbc(int day, decimal value) => new(Day(day), LabAnalyte.Wbc, value);

    private static DatedLabValue NeutrophilPercent(int day, decimal value) => new(Day(day), LabAnalyte.NeutrophilPercent, value);

    private static DatedLabValue Plt(int day, decimal value) => new(Day(day), LabAnalyte.Platelets, value);

    private static EngraftmentOutcome Neutrophils(params DatedLabValue[] values) => EngraftmentCalculator.Neutrophils(DayZero, values);

    private static EngraftmentOutcome Platelets20(DateOnly[] transfusions, params DatedLabValue[] values) =>
        EngraftmentCalculator.Platelets(DayZero, values, transfusions, EngraftmentCalculator.PlateletThreshold);

    // A typical Cy/ATG course: G-CSF-free fall to a nadir on Day +6, recovery from Day +10.
    private static DatedLabValue[] TypicalAnc() =>
    [
        Anc(1, 2.1m), Anc(2, 1.4m), Anc(3, 0.8m), Anc(4, 0.3m), Anc(5, 0.05m), Anc(6, 0.01m),
        Anc(7, 0.02m), Anc(8, 0.1m), Anc(9, 0.3m), Anc(10, 0.6m), Anc(11, 1.1m), Anc(12, 2.4m),
    ];

    // Platelets fall from normal to a nadir, then recover; no transfusions needed.
    private static DatedLabValue[] TypicalPlatelets() =>
    [
        Plt(1, 140m), Plt(3, 90m), Plt(5, 40m), Plt(7, 15m), Plt(8, 12m), Plt(9, 18m),
        Plt(10, 22m), Plt(11, 31m), Plt(12, 45m), Plt(13, 55m), Plt(14, 70m), Plt(15, 90m),
    ];

    // --- neutrophils ---

    [Fact]
    public void Neutrophil_engraftment_is_the_first_of_three_consecutive_values_at_or_above_0_5_after_the_nadir()
    {
        Assert.Equal(new Engrafted(Day(10), 10), Neutrophils(TypicalAnc()));
    }

    [Fact]
    public void The_engraftment_day_has_a_day_label()
    {
        var engrafted = Assert.IsType<Engrafted>(Neutrophils(TypicalAnc()));

        Assert.Equal("Day +10", engrafted.DayLabel);
    }

    [Fact]
    public void A_value_exactly_on_the_threshold_counts()
    {
        var outcome = Neutrophils(Anc(5, 0.1m), Anc(8, 0.5m), Anc(9, 0.5m), Anc(10, 0.5m));

        Assert.Equal(new Engrafted(Day(8), 8), outcome);
    }

    [Fact]
    public void A_value_just_below_the_threshold_does_not_count()
    {
        var outcome = Neutrophils(Anc(5, 0.1m), Anc(8, 0.49m), Anc(9, 0.5m), Anc(10, 0.6m), Anc(11, 0.7m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    [Fact]
    public void Values_on_non_consecutive_days_still_form_a_run_when_they_are_consecutive_values()
    {
        var outcome = Neutrophils(Anc(6, 0.0m), Anc(9, 0.7m), Anc(12, 1.0m), Anc(16, 1.8m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    [Fact]
    public void An_early_G_CSF_spike_before_the_nadir_does_not_count()
    {
        var outcome = Neutrophils(
            Anc(1, 3.0m), Anc(2, 2.5m), Anc(3, 1.2m),
            Anc(4, 0.2m), Anc(5, 0.0m),
            Anc(9, 0.6m), Anc(10, 0.9m), Anc(11, 1.5m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    [Fact]
    public void Values_above_the_threshold_without_any_nadir_yet_are_not_engraftment()
    {
        var outcome = Neutrophils(Anc(1, 3.0m), Anc(2, 2.5m), Anc(3, 1.2m));

        var notYet = Assert.IsType<NotYet>(outcome);
        Assert.Contains("nadir", notYet.Reason);
    }

    [Fact]
    public void Two_values_at_or_above_the_threshold_are_not_yet_engraftment()
    {
        var outcome = Neutrophils(Anc(6, 0.01m), Anc(10, 0.6m), Anc(11, 0.9m));

        var notYet = Assert.IsType<NotYet>(outcome);
        Assert.Equal("2 of 3 consecutive values on different days at or above 0.5 × 10⁹/L since the nadir.", notYet.Reason);
    }

    [Fact]
    public void A_dip_below_the_threshold_breaks_the_run_and_counting_starts_again()
    {
        var outcome = Neutrophils(
            Anc(5, 0.0m), Anc(9, 0.6m), Anc(10, 0.7m), Anc(11, 0.4m),
            Anc(12, 0.8m), Anc(13, 1.0m), Anc(14, 1.3m));

        Assert.Equal(new Engrafted(Day(12), 12), outcome);
    }

    [Fact]
    public void A_dip_after_the_run_does_not_undo_engraftment()
    {
        var outcome = Neutrophils([.. TypicalAnc(), Anc(14, 0.3m)]);

        Assert.Equal(new Engrafted(Day(10), 10), outcome);
    }

    [Fact]
    public void Several_values_on_one_day_count_as_one_value()
    {
        var outcome = Neutrophils(Anc(5, 0.0m), Anc(10, 0.6m), Anc(10, 0.7m), Anc(11, 0.8m), Anc(11, 0.9m));

        Assert.IsType<NotYet>(outcome);
    }

    [Fact]
    public void With_several_values_on_one_day_the_lowest_is_used_and_can_break_the_run()
    {
        var outcome = Neutrophils(
            Anc(5, 0.0m), Anc(9, 0.6m), Anc(10, 0.8m), Anc(10, 0.45m),
            Anc(11, 0.9m), Anc(12, 1.0m), Anc(13, 1.2m));

        Assert.Equal(new Engrafted(Day(11), 11), outcome);
    }

    [Fact]
    public void Unsorted_input_gives_the_same_result_as_sorted_input()
    {
        var shuffled = TypicalAnc().Reverse().ToArray();
        (shuffled[2], shuffled[7]) = (shuffled[7], shuffled[2]);

        Assert.Equal(Neutrophils(TypicalAnc()), Neutrophils(shuffled));
    }

    [Fact]
    public void No_values_at_all_is_not_yet()
    {
        var notYet = Assert.IsType<NotYet>(Neutrophils());

        Assert.Contains("No ANC", notYet.Reason);
    }

    [Fact]
    public void Values_before_Day_0_are_ignored()
    {
        var outcome = Neutrophils(Anc(-6, 0.1m), Anc(-5, 0.0m), Anc(1, 1.0m), Anc(2, 1.1m), Anc(3, 1.2m));

        Assert.IsType<NotYet>(outcome);
    }

    [Fact]
    public void A_low_value_on_Day_0_itself_is_not_the_nadir()
    {
        var outcome = Neutrophils(Anc(0, 0.2m), Anc(1, 0.9m), Anc(2, 0.8m), Anc(3, 0.7m));

        Assert.IsType<NotYet>(outcome);
    }

    [Fact]
    public void A_missing_ANC_is_derived_from_WBC_and_neutrophil_percentage()
    {
        var outcome = Neutrophils(
            Anc(6, 0.0m),
            Wbc(10, 1.0m), NeutrophilPercent(10, 50m),
            Wbc(11, 1.6m), NeutrophilPercent(11, 60m),
            Anc(12, 1.5m));

        Assert.Equal(new Engrafted(Day(10), 10), outcome);
    }

    [Fact]
    public void A_derived_ANC_just_below_the_threshold_does_not_count()
    {
        var outcome = Neutrophils(
            Anc(6, 0.0m),
            Wbc(10, 0.9m), NeutrophilPercent(10, 55m),
            Anc(11, 0.8m), Anc(12, 1.0m));

        Assert.IsType<NotYet>(outcome);
    }

    [Fact]
    public void A_derived_ANC_can_be_the_nadir()
    {
        var outcome = Neutrophils(
            Anc(1, 1.5m),
            Wbc(6, 0.1m), NeutrophilPercent(6, 10m),
            Anc(9, 0.6m), Anc(10, 0.8m), Anc(11, 1.0m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    [Fact]
    public void A_measured_ANC_wins_over_one_derived_on_the_same_day()
    {
        // Derived would be 2.0 × 50 % = 1.0; the measured 0.3 is used.
        var outcome = Neutrophils(
            Anc(6, 0.0m),
            Anc(10, 0.3m), Wbc(10, 2.0m), NeutrophilPercent(10, 50m),
            Anc(11, 0.8m), Anc(12, 1.0m));

        Assert.IsType<NotYet>(outcome);
    }

    [Fact]
    public void A_WBC_without_a_neutrophil_percentage_gives_no_ANC_for_that_day()
    {
        // Day +10 has no ANC value at all, so Days +9, +11 and +12 are consecutive values.
        var outcome = Neutrophils(Anc(6, 0.0m), Anc(9, 0.6m), Wbc(10, 0.2m), Anc(11, 0.7m), Anc(12, 0.9m));

        Assert.Equal(new Engrafted(Day(9), 9), outcome);
    }

    [Fact]
    public void Other_analytes_do_not_affect_neutrophils()
    {
        var outcome = Neutrophils([.. TypicalAnc(), .. TypicalPlatelets(), new DatedLabValue(Day(7), LabAnalyte.Haemoglobin, 7.9m)]);

        Assert.Equal(new Engrafted(Day(10), 10), outcome);
    }

    // --- platelets ---

    [Fact]
    public void Platelet_engraftment_is_the_first_of_three_values_at_or_above_20_after_the_nadir()
    {
        Assert.Equal(new Engrafted(Day(10), 10), Platelets20([], TypicalPlatelets()));
    }

    [Fact]
    public void Platelets_at_or_above_50_are_reported_the_same_way()
    {
        var outcome = EngraftmentCalculator.Platelets(DayZero, TypicalPlatelets(), [], EngraftmentCalculator.PlateletHigherThreshold);

        Assert.Equal(new Engrafted(Day(13), 13), outcome);
    }

    [Fact]
    public void A_transfusion_6_days_before_the_first_qualifying_value_disqualifies_it()
    {
        // Transfused on Day +4: Day +10 is 6 days later, Day +11 is 7 days later, Day +12 is the first clean start.
        var outcome = Platelets20([Day(4)], TypicalPlatelets());

        Assert.Equal(new Engrafted(Day(12), 12), outcome);
    }

    [Fact]
    public void A_transfusion_8_days_before_the_first_qualifying_value_does_not_disqualify_it()
    {
        var outcome = Platelets20([Day(2)], TypicalPlatelets());

        Assert.Equal(new Engrafted(Day(10), 10), outcome);
    }

    [Fact]
    public void A_transfusion_exactly_7_days_before_is_within_the_7_days()
    {
        var outcome = Platelets20([Day(3)], TypicalPlatelets());

        Assert.Equal(new Engrafted(Day(11), 11), outcome);
    }

    [Fact]
    public void A_transfusion_on_the_same_day_as_the_first_value_disqualifies_it()
    {
        // The draw may have been after the transfusion, so the same date counts as "within 7 days".
        var outcome = Platelets20([Day(12)], Plt(5, 10m), Plt(12, 30m), Plt(20, 40m), Plt(21, 45m), Plt(22, 50m));

        Assert.Equal(new Engrafted(Day(20), 20), outcome);
    }

    [Fact]
    public void A_transfusion_after_the_first_value_of_the_run_is_not_checked()
    {
        // Interpretation from hsct.md §5 [U]: only the 7 days before the first qualifying value.
        var outcome = Platelets20([Day(11)], TypicalPlatelets());

        Assert.Equal(new Engrafted(Day(10), 10), outcome);
    }

    [Fact]
    public void Recovered_counts_blocked_only_by_a_recent_transfusion_say_so()
    {
        var outcome = Platelets20([Day(9)], Plt(7, 10m), Plt(10, 30m), Plt(11, 35m), Plt(12, 40m));

        var notYet = Assert.IsType<NotYet>(outcome);
        Assert.Contains("no platelet transfusion in the 7 days", notYet.Reason);
    }

    [Fact]
    public void Unsorted_transfusion_dates_are_handled()
    {
        var outcome = Platelets20([Day(40), Day(4), Day(-3)], [.. TypicalPlatelets().Reverse()]);

        Assert.Equal(new Engrafted(Day(12), 12), outcome);
    }

    [Fact]
    public void Platelets_that_never_fell_below_20_without_transfusion_are_not_applicable()
    {
        var outcome = Platelets20([], Plt(3, 120m), Plt(6, 45m), Plt(8, 25m), Plt(10, 40m), Plt(12, 80m));

        var notApplicable = Assert.IsType<NotApplicable>(outcome);
        Assert.Contains("20 × 10⁹/L", notApplicable.Reason);
    }

    [Fact]
    public void A_transfusion_before_Day_0_does_not_make_platelet_recovery_applicable()
    {
        var outcome = Platelets20([Day(-2)], Plt(3, 120m), Plt(6, 45m), Plt(8, 25m));

        Assert.IsType<NotApplicable>(outcome);
    }

    [Fact]
    public void Platelets_that_never_fell_below_20_but_were_transfused_are_counted_from_the_transfusion()
    {
        var outcome = Platelets20(
            [Day(7)],
            Plt(5, 30m), Plt(7, 22m), Plt(9, 45m), Plt(12, 40m), Plt(15, 38m), Plt(16, 42m), Plt(17, 50m));

        Assert.Equal(new Engrafted(Day(15), 15), outcome);
    }

    [Fact]
    public void The_50_threshold_is_not_applicable_when_platelets_never_fell_below_50()
    {
        var outcome = EngraftmentCalculator.Platelets(DayZero, [Plt(3, 160m), Plt(8, 70m), Plt(12, 90m)], [], 50m);

        Assert.IsType<NotApplicable>(outcome);
    }

    [Fact]
    public void Platelets_recovered_to_20_but_not_50_are_not_yet_engrafted_at_50()
    {
        var values = TypicalPlatelets().Where(v => v.Value < 50m || v.Date < Day(12)).ToArray();

        var report = EngraftmentCalculator.Calculate(DayZero, values, []);

        Assert.Equal(new Engrafted(Day(10), 10), report.Platelets20);
        Assert.IsType<NotYet>(report.Platelets50);
    }

    [Fact]
    public void No_platelet_values_is_not_yet_rather_than_not_applicable()
    {
        Assert.IsType<NotYet>(Platelets20([]));
    }

    [Fact]
    public void Falling_platelets_before_the_nadir_are_not_an_early_recovery()
    {
        var outcome = Platelets20([], Plt(1, 150m), Plt(2, 120m), Plt(3, 90m), Plt(4, 60m), Plt(5, 19m));

        Assert.IsType<NotYet>(outcome);
    }

    [Fact]
    public void The_report_computes_neutrophils_and_both_platelet_thresholds_together()
    {
        var report = EngraftmentCalculator.Calculate(DayZero, [.. TypicalAnc(), .. TypicalPlatelets()], [Day(4)]);

        Assert.Equal(
            new EngraftmentReport(new Engrafted(Day(10), 10), new Engrafted(Day(12), 12), new Engrafted(Day(13), 13)),
            report);
    }
}
