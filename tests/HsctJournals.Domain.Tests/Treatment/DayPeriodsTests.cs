using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class DayPeriodsTests
{
    private static readonly DateOnly DayZero = new(2026, 3, 10);

    [Theory]
    [InlineData(-40, "Before Day 0")]
    [InlineData(-1, "Before Day 0")]
    [InlineData(0, "Day 0 – Day +30")]
    [InlineData(30, "Day 0 – Day +30")]
    [InlineData(31, "Day +31 – Day +100")]
    [InlineData(100, "Day +31 – Day +100")]
    [InlineData(101, "Month 3")]
    [InlineData(200, "Month 6")]
    [InlineData(365, "Year 1")]
    [InlineData(800, "Year 2")]
    public void Each_day_falls_in_one_period_named_like_its_day_label(int offset, string label)
    {
        Assert.Equal(label, DayPeriods.Of(DayZero, DayZero.AddDays(offset)).Label);
    }

    [Fact]
    public void Periods_sort_in_time_order_and_days_of_one_period_share_its_order()
    {
        var orders = new[] { -3, 0, 30, 31, 101, 140, 364, 365, 800 }.Select(d => DayPeriods.Of(DayZero, DayZero.AddDays(d)).Order).ToList();
        Assert.Equal(orders.OrderBy(o => o), orders);
        Assert.Equal(orders[1], orders[2]);
        Assert.NotEqual(orders[2], orders[3]);
    }
}

public class PhaseTimelineTests
{
    private static readonly DateOnly D = new(2026, 3, 10);

    [Fact]
    public void Each_phase_lasts_until_the_next_one_starts_and_the_last_is_open()
    {
        var spans = PhaseTimeline.Spans([new(Phase.Conditioning, D.AddDays(-5)), new(Phase.Reinfusion, D), new(Phase.Aplasia, D.AddDays(1))]);
        Assert.Equal(3, spans.Count);
        Assert.Equal(new PhaseSpan(0, Phase.Conditioning, D.AddDays(-5), D), spans[0]);
        Assert.Null(spans[2].Until);
        Assert.Equal(Phase.Conditioning, PhaseTimeline.At(spans, D.AddDays(-1))!.Phase);
        Assert.Equal(Phase.Reinfusion, PhaseTimeline.At(spans, D)!.Phase);
        Assert.Equal(Phase.Aplasia, PhaseTimeline.At(spans, D.AddDays(400))!.Phase);
        Assert.Null(PhaseTimeline.At(spans, D.AddDays(-6)));
    }

    [Fact]
    public void A_repeated_phase_is_a_stretch_of_its_own_and_a_same_day_handover_keeps_the_later_phase()
    {
        var spans = PhaseTimeline.Spans([
            new(Phase.Discharge, D.AddDays(12)), new(Phase.Readmission, D.AddDays(15)), new(Phase.Discharge, D.AddDays(18)),
            new(Phase.EarlyRecovery, D.AddDays(18)),
        ]);
        Assert.Equal([Phase.Discharge, Phase.Readmission, Phase.EarlyRecovery], spans.Select(s => s.Phase));
        Assert.Equal([0, 1, 2], spans.Select(s => s.Index));
    }
}
