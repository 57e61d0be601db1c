using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace HsctJournals.Web.Caching;

/// <summary>
/// The Redis page cache store of a several-node installation, made to survive Redis going away (decision 0064).
/// While Redis is unreachable a read is a miss and a write is skipped, at once: the page is rendered from the
/// database as on a cache miss, never a 500 and never a wait. An eviction that cannot reach Redis is remembered
/// and sent before this node reads from Redis again, so a page cached before the outage (a Redis restarted from its
/// snapshot, or one this node alone lost sight of) is never served after a write it missed.
/// </summary>
public sealed class OutageTolerantPageStore : IOutputCacheBufferStore, IDisposable
{
    /// <summary>Beyond this many remembered tags, evicting <see cref="CacheTags.Site"/> (every page) is cheaper and as correct.</summary>
    internal const int MaxRememberedTags = 1_000;

    private readonly IOutputCacheStore _redis;
    private readonly SharedRedis _shared;
    private readonly ILogger<OutageTolerantPageStore> _logger;
    private readonly ConcurrentDictionary<string, byte> _unsentEvictions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sending = new(1, 1);

    public OutageTolerantPageStore(IOutputCacheStore redis, SharedRedis shared, ILogger<OutageTolerantPageStore> logger)
    {
        (_redis, _shared, _logger) = (redis, shared, logger);
        // Other nodes read from Redis too: send what this node could not as soon as the connection is back, not
        // only before this node's next read.
        _shared.Restored += () => _ = SendUnsentEvictionsAsync(CancellationToken.None);
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken)) return null;
        try { return await _redis.GetAsync(key, cancellationToken); }
        catch (Exception e) when (SharedRedis.IsOutage(e)) { Unreachable(e, "read"); return null; }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken)) return false;
        try
        {
            if (_redis is IOutputCacheBufferStore buffers) return await buffers.TryGetAsync(key, destination, cancellationToken);
            var value = await _redis.GetAsync(key, cancellationToken);
            if (value is null) return false;
            await destination.WriteAsync(value, cancellationToken);
            return true;
        }
        catch (Exception e) when (SharedRedis.IsOutage(e)) { Unreachable(e, "read"); return false; }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken)) return;
        try { await _redis.SetAsync(key, value, tags, validFor, cancellationToken); }
        catch (Exception e) when (SharedRedis.IsOutage(e)) { Unreachable(e, "write"); }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken)) return;
        try
        {
            if (_redis is IOutputCacheBufferStore buffers) await buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            else await _redis.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
        }
        catch (Exception e) when (SharedRedis.IsOutage(e)) { Unreachable(e, "write"); }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (_shared.IsAvailable)
        {
            try
            {
                await _redis.EvictByTagAsync(tag, cancellationToken);
                return;
            }
            catch (Exception e) when (SharedRedis.IsOutage(e)) { Unreachable(e, "eviction"); }
        }
        Remember(tag);
    }

    /// <summary>How many evictions wait for Redis to come back (for tests and the log).</summary>
    internal int UnsentEvictions => _unsentEvictions.Count;

    /// <summary>True when Redis may be used now; first sends the evictions an outage held back.</summary>
    private async ValueTask<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        if (!_shared.IsAvailable) return false;
        return _unsentEvictions.IsEmpty || await SendUnsentEvictionsAsync(cancellationToken);
    }

    /// <summary>Sends the remembered evictions, one sender at a time; true when none is left.</summary>
    private async Task<bool> SendUnsentEvictionsAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            foreach (var tag in _unsentEvictions.Keys)
            {
                try
                {
                    await _redis.EvictByTagAsync(tag, CancellationToken.None);
                    _unsentEvictions.TryRemove(tag, out _);
                    sent++;
                }
                catch (Exception e) when (SharedRedis.IsOutage(e))
                {
                    Unreachable(e, "eviction");
                    return false;
                }
            }
            if (sent > 0) _logger.LogInformation("Sent {Count} page cache evictions held back while Redis was unreachable", sent);
            return _unsentEvictions.IsEmpty;
        }
        finally { _sending.Release(); }
    }

    private void Remember(string tag)
    {
        _unsentEvictions.TryAdd(tag, 0);
        if (_unsentEvictions.Count <= MaxRememberedTags) return;
        _unsentEvictions.Clear();
        _unsentEvictions.TryAdd(CacheTags.Site, 0);
    }

    private void Unreachable(Exception e, string what) =>
        _logger.LogWarning(e, "Redis did not take a page cache {What}; going on without it", what);

    public void Dispose()
    {
        (_redis as IDisposable)?.Dispose();
        _sending.Dispose();
    }
}
