using System.Threading.RateLimiting;
using HsctJournals.Web.Caching;
using RedisRateLimiting;

namespace HsctJournals.Web.Shared;

/// <summary>
/// Fixed-window rate-limit partitions that count across every node: in Redis when <c>Cache:Redis</c> is set
/// (RedisRateLimiting), in this process otherwise (one node needs nothing else) and while Redis is unreachable
/// (<see cref="RedisOrLocalRateLimiter"/>). Use it in rate-limiter
/// policies instead of <see cref="RateLimitPartition.GetFixedWindowLimiter{TKey}"/>.
/// </summary>
public static class SharedRateLimit
{
    /// <summary>A partition of <paramref name="permits"/> per <paramref name="window"/> for <paramref name="key"/> (e.g. policy name + client address).</summary>
    public static RateLimitPartition<string> FixedWindow(HttpContext http, string key, int permits, TimeSpan window)
    {
        var redis = http.RequestServices.GetService<SharedRedis>();
        if (redis is null) return RateLimitPartition.Get(key, _ => InProcess(permits, window));
        return RateLimitPartition.Get(key, partition => new RedisOrLocalRateLimiter(redis,
            new RedisFixedWindowRateLimiter<string>(partition, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Connection, PermitLimit = permits, Window = window,
            }),
            InProcess(permits, window)));
    }

    private static FixedWindowRateLimiter InProcess(int permits, TimeSpan window) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permits, Window = window, QueueLimit = 0,
    });
}
