using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

// Issue 9 item 3: the figures the clinician summary adds (days of neutropenia, transfusion counts,
// G-CSF start), each computed by the same rules as engraftment (domain/hsct.md §5).
public class ClinicalSummaryFiguresTests
{
    private static readonly DateOnly DayZero = new(2024, 5, 10);
    private static readonly DateOnly Today = Day(40);

    private static DateOnly Day(int offset) => DayZero.AddDays(offset);

    private static NeutropeniaDuration Duration(params (int Day, decimal Value)[] values)
    {
        var dated = values.Select(v => new DatedLabValue(Day(v.Day), LabAnalyte.Anc, v.Value)).ToList();
        var report = EngraftmentCalculator.Calculate(DayZero, dated, [], Today);
        return NeutropeniaDuration.Compute(DayZero, report.Anc, report.Neutrophils);
    }

    private static (int, decimal)[] Daily(int firstDay, params decimal[] values) => values.Select((v, i) => (firstDay + i, v)).ToArray();

    [Fact]
    public void Neutropenia_runs_from_the_first_day_below_0_5_to_the_day_before_engraftment()
    {
        // Below 0.5 on Days +3…+8, engrafted Day +9 (0.5, 0.7, 1.1): six days.
        var d = Assert.IsType<NeutropeniaDuration.Ended>(Duration(Daily(1, 1.2m, 0.6m, 0.3m, 0.1m, 0.05m, 0.02m, 0.01m, 0.2m, 0.5m, 0.7m, 1.1m)));
        Assert.Equal(Day(3), d.From);
        Assert.Equal(Day(9), d.Until);
        Assert.Equal(6, d.Days);
    }

    [Fact]
    public void Days_between_samples_count_as_the_last_sample_left_them()
    {
        // Samples every other day: below from Day +4, engrafted Day +12.
        var d = Assert.IsType<NeutropeniaDuration.Ended>(Duration((2, 0.9m), (4, 0.2m), (6, 0.05m), (8, 0.1m), (10, 0.3m), (12, 0.6m), (14, 0.9m), (16, 1.4m)));
        Assert.Equal(8, d.Days);
    }

    [Fact]
    public void A_drift_through_0_5_before_the_nadir_is_counted_from_the_first_day_below()
    {
        // 0.45 on Day +2, back to 0.6 then down to the nadir: neutropenia starts Day +2, engraftment is after the nadir (§5).
        var d = Assert.IsType<NeutropeniaDuration.Ended>(Duration(Daily(1, 0.8m, 0.45m, 0.6m, 0.55m, 0.3m, 0.1m, 0.02m, 0.4m, 0.6m, 0.9m, 1.2m)));
        Assert.Equal(Day(2), d.From);
        Assert.Equal(Day(9), d.Until);
        Assert.Equal(7, d.Days);
    }

    [Fact]
    public void Without_engraftment_the_count_is_so_far_to_the_latest_value_below()
    {
        var d = Assert.IsType<NeutropeniaDuration.Ongoing>(Duration(Daily(1, 1.0m, 0.4m, 0.1m, 0.05m, 0.6m)));
        Assert.Equal(Day(2), d.From);
        Assert.Equal(Day(4), d.LatestBelow);
        Assert.Equal(3, d.DaysSoFar);
    }

    [Fact]
    public void Values_before_day_0_are_not_neutropenia_after_reinfusion()
    {
        Assert.IsType<NeutropeniaDuration.NoValues>(Duration((-3, 0.1m), (-1, 0.2m)));
        Assert.IsType<NeutropeniaDuration.NoneRecorded>(Duration((-2, 0.1m), (1, 1.5m), (3, 0.9m), (5, 0.8m), (7, 0.9m), (9, 1.2m)));
    }

    [Fact]
    public void Without_the_low_period_the_length_is_unknown_not_zero()
    {
        // §5 cannot compute: the first value after Day 0 is on Day +12 and already above 0.5.
        Assert.IsType<NeutropeniaDuration.Unknown>(Duration((12, 1.1m), (13, 1.4m), (14, 1.8m)));
    }

    [Fact]
    public void Several_values_in_a_day_count_by_the_days_last()
    {
        var values = new List<DatedLabValue>
        {
            new(Day(3), LabAnalyte.Anc, 0.3m, new TimeOnly(7, 0)), new(Day(3), LabAnalyte.Anc, 0.6m, new TimeOnly(18, 0)),
            new(Day(4), LabAnalyte.Anc, 0.2m), new(Day(5), LabAnalyte.Anc, 0.1m), new(Day(6), LabAnalyte.Anc, 0.6m),
            new(Day(7), LabAnalyte.Anc, 0.8m), new(Day(8), LabAnalyte.Anc, 1.0m),
        };
        var report = EngraftmentCalculator.Calculate(DayZero, values, [], Today);
        var d = Assert.IsType<NeutropeniaDuration.Ended>(NeutropeniaDuration.Compute(DayZero, report.Anc, report.Neutrophils));
        Assert.Equal(Day(4), d.From);
        Assert.Equal(2, d.Days);
    }

    [Fact]
    public void Transfusions_are_counted_by_their_code_and_uncoded_ones_apart()
    {
        var tally = TransfusionTally.Of([TransfusionProduct.Platelets, TransfusionProduct.Platelets, TransfusionProduct.RedCells, null, TransfusionProduct.Plasma, TransfusionProduct.Platelets]);
        Assert.Equal(new TransfusionTally(3, 1, 1, 0, 1), tally);
        Assert.Equal(6, tally.Total);
        Assert.Equal(0, TransfusionTally.Of([]).Total);
    }

    [Theory]
    [InlineData("Filgrastim", null, true)]
    [InlineData("filgrastim-sndz", null, true)]
    [InlineData("Lenograstim", null, true)]
    [InlineData("pegfilgrastim", "Neulasta", true)]
    [InlineData("G-CSF", null, true)]
    [InlineData("Granulocyte stimulating", "Neupogen", true)]
    [InlineData("Cyclophosphamide", null, false)]
    [InlineData("Plerixafor", "Mozobil", false)]
    [InlineData("Filgrastimulant", null, false)]
    public void A_drug_is_g_csf_by_its_generic_name_or_brand(string generic, string? brand, bool expected) =>
        Assert.Equal(expected, GcsfStart.IsGcsf(generic, brand));

    [Fact]
    public void G_csf_starts_are_split_into_mobilisation_and_after_reinfusion()
    {
        var start = GcsfStart.From(DayZero,
        [
            ("Cyclophosphamide", null, Day(-40)), ("Filgrastim", "Zarzio", Day(-36)), ("filgrastim", null, Day(-38)),
            ("Filgrastim", null, Day(6)), ("Lenograstim", null, Day(5)), ("Filgrastim", null, null),
        ]);
        Assert.Equal(new GcsfStart(Day(-38), Day(5)), start);
        Assert.Equal(new GcsfStart(Day(-38), null), GcsfStart.From(null, [("Filgrastim", null, Day(-38)), ("Filgrastim", null, Day(5))]));
        Assert.Equal(new GcsfStart(null, null), GcsfStart.From(DayZero, [("Cyclophosphamide", null, Day(-4))]));
    }
}
