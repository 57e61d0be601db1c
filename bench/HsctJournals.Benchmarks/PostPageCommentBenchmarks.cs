using BenchmarkDotNet.Attributes;
using HsctJournals.Domain.Comments;
using HsctJournals.Web.Comments;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Journals;
namespace HsctJournals.Benchmarks;

/// <summary>
/// The per-request CPU work of an uncached post page with 200 threaded comments from 40 readers (issue 12,
/// item 2), outside the database: the avatars (made afresh for every comment, as before, and remembered per
/// reader, as now), the comments' text to HTML, and building the thread and its first page.
/// </summary>
[MemoryDiagnoser]
public class PostPageCommentBenchmarks
{
    private const int Comments = 200;
    private readonly byte[] _key = "benchmark-avatar-key-0123456789"u8.ToArray();
    private CommentKeys _keys = null!;
    private (int Id, int? ParentId, string Name, string Email, string Text, DateTime At)[] _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        // Configured keys: the Data Protection ring (the other two arguments) is never touched.
        _keys = new CommentKeys(Options.Create(new CommentOptions { AvatarKey = "benchmark-avatar-key-0123456789", IpHashKey = "benchmark-ip-hash-key-0123456789" }), null!, null!);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // 50 threads of a comment and three nested replies, like bench/app.sh's fixture.
        _rows = Enumerable.Range(1, Comments).Select(i => (i, i % 4 == 1 ? (int?)null : i - 1, $"Reader {i % 40}", $"reader{i % 40}@example.com",
            $"Thread {(i + 3) / 4}: sending strength from all of us, see https://example.com/news/{i} and a long enough line of text.", start.AddMinutes(i))).ToArray();
        foreach (var r in _rows) _keys.AvatarFor(r.Email, r.Name); // warm, as after the first request
    }

    [Benchmark(Baseline = true)]
    public int AvatarsMadeForEveryComment()
    {
        var length = 0;
        foreach (var r in _rows) length += Avatar.Create(_key, r.Email, r.Name, 40).Svg.Length;
        return length;
    }

    [Benchmark]
    public int AvatarsRememberedPerReader()
    {
        var length = 0;
        foreach (var r in _rows) length += _keys.AvatarFor(r.Email, r.Name).Svg.Length;
        return length;
    }

    [Benchmark]
    public int CommentTextToHtml()
    {
        var length = 0;
        foreach (var r in _rows) length += CommentText.ToHtml(r.Text).Length;
        return length;
    }

    [Benchmark]
    public int ThreadAndFirstPage()
    {
        var forest = CommentThreadBuilder.Build(_rows.Select(r => new CommentSource<CommentView>(r.Id, r.ParentId, new DateTimeOffset(r.At), r.Name,
            new CommentView(r.Id, r.ParentId, r.Name, null, r.Text, r.At, _keys.AvatarFor(r.Email, r.Name).Svg, false, false))), CommentOrder.OldestFirst, 5);
        return CommentPagination.Paginate(forest, 1).Threads.Count;
    }
}
