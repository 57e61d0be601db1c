using BenchmarkDotNet.Attributes;
using HsctJournals.Domain.Comments;

using HsctJournals.Web.Journals;
namespace HsctJournals.Benchmarks;

/// <summary>Building a post's thread must stay linear: 10,000 comments is a very long thread.</summary>
[MemoryDiagnoser]
public class CommentThreadBenchmarks
{
    private List<CommentSource<int>> _comments = [];

    [Params(100, 10_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _comments = Enumerable.Range(1, Count).Select(i => new CommentSource<int>(
            i, i > 5 && random.Next(3) > 0 ? random.Next(1, i) : null, start.AddMinutes(i), $"Reader {i % 50}", i)).ToList();
    }

    [Benchmark]
    public int BuildThread() => CommentThreadBuilder.Build(_comments).Count;
}
