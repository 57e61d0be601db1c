using BenchmarkDotNet.Attributes;
using HsctJournals.Web.Shared;

namespace HsctJournals.Benchmarks;

/// <summary>Rendering and sanitising happen on every save (never on read): a long post must still save quickly.</summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private readonly MarkdownRenderer _renderer = new();
    private string _post = "";

    [GlobalSetup]
    public void Setup() => _post = string.Concat(Enumerable.Repeat(
        "## Day +6\n\nNeutrophils **0.08**, platelets 14, Hb 8.2 g/dL. [MS Society](https://www.mssociety.org.uk/)\n\n- one\n- two\n\n> quote\n\n", 200));

    [Benchmark]
    public int RenderAndSanitise() => _renderer.ToSafeHtml(_post).Length;
}
