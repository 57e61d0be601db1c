using Microsoft.Extensions.Caching.Memory;

namespace HsctJournals.Web.Comments;

/// <summary>
/// A node's memory of what is fixed by a post's <see cref="Journals.Post.CommentsStamp"/>: the key carries the stamp the
/// request read with the post, and the stamp changes in the transaction of every write that changes the approved
/// comments, so a remembered value is never older than what that request could see, on any node. Nothing is evicted
/// on write: an old stamp's entry simply stops being asked for and ages out. What <see cref="ApprovedThreadShapes"/>
/// (decision 0052) and <see cref="ApprovedThreadViews"/> (decision 0054) have in common.
/// </summary>
/// <param name="limit">The most kept in all, in the unit each entry's size is given in (comments).</param>
/// <param name="sliding">How long an entry nobody asks for is kept.</param>
/// <param name="longest">How long an entry is kept at the most, however often it is asked for (null: no bound).</param>
public sealed class RememberedByStamp<TKey, TValue>(long limit, TimeSpan sliding, TimeSpan? longest = null) : IDisposable
    where TKey : notnull where TValue : class
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = limit });

    /// <summary>The value remembered for <paramref name="key"/>, or the one <paramref name="build"/> makes (with its size), then remembered.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<Task<(TValue Value, long Size)>> build)
    {
        if (_entries.TryGetValue(key, out TValue? known) && known is not null) return known;

        var (value, size) = await build();
        _entries.Set(key, value, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, size), SlidingExpiration = sliding, AbsoluteExpirationRelativeToNow = longest,
        });
        return value;
    }

    public void Dispose() => _entries.Dispose();
}
