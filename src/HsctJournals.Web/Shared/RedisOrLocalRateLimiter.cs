using System.Threading.RateLimiting;
using HsctJournals.Web.Caching;

namespace HsctJournals.Web.Shared;

/// <summary>
/// One rate-limit partition counted in Redis across every node, and in this process while Redis is unreachable
/// (decision 0064): a sign-in, token or comment-link request is then limited per node (at worst the limit times
/// the number of nodes) instead of being refused with a 500, and the Redis count takes over again when it returns.
/// </summary>
public sealed class RedisOrLocalRateLimiter(SharedRedis redis, RateLimiter shared, RateLimiter local) : RateLimiter
{
    /// <summary>Idle only when both are, so a node's own count is not dropped while it is the one counting.</summary>
    public override TimeSpan? IdleDuration =>
        local.IdleDuration is { } mine && shared.IdleDuration is { } theirs ? (mine < theirs ? mine : theirs) : null;

    public override RateLimiterStatistics? GetStatistics() => (redis.IsAvailable ? shared : local).GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (!redis.IsAvailable) return local.AttemptAcquire(permitCount);
        try { return shared.AttemptAcquire(permitCount); }
        catch (Exception e) when (SharedRedis.IsOutage(e)) { return local.AttemptAcquire(permitCount); }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (!redis.IsAvailable) return await local.AcquireAsync(permitCount, cancellationToken);
        try { return await shared.AcquireAsync(permitCount, cancellationToken); }
        catch (Exception e) when (SharedRedis.IsOutage(e)) { return await local.AcquireAsync(permitCount, cancellationToken); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await shared.DisposeAsync();
        await local.DisposeAsync();
    }
}
