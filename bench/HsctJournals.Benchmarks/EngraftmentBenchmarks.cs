using BenchmarkDotNet.Attributes;
using HsctJournals.Domain.Treatment;

namespace HsctJournals.Benchmarks;

/// <summary>Engraftment is recomputed whenever counts change; a year of daily counts must be instant.</summary>
[MemoryDiagnoser]
public class EngraftmentBenchmarks
{
    private readonly DateOnly _dayZero = new(2026, 5, 18);
    private List<DatedLabValue> _values = [];

    [GlobalSetup]
    public void Setup()
    {
        for (var day = -10; day < 365; day++)
        {
            var anc = day is > 0 and < 9 ? 0.1m : 2.5m;
            var plt = day is > 0 and < 12 ? 12m : 180m;
            _values.Add(new DatedLabValue(_dayZero.AddDays(day), LabAnalyte.Anc, anc));
            _values.Add(new DatedLabValue(_dayZero.AddDays(day), LabAnalyte.Platelets, plt));
        }
    }

    [Benchmark]
    public EngraftmentReport Calculate() => EngraftmentCalculator.Calculate(_dayZero, _values, [_dayZero.AddDays(7)], _dayZero.AddDays(40));
}
