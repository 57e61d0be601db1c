using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Caching;

/// <summary>The shared page cache (section <c>Cache</c>).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Cache";

    /// <summary>
    /// Redis connection string (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>). Empty: the cache lives in
    /// this process, which is right for one node. Set it on every node of a several-node installation so pages,
    /// evictions and rate-limit counters are shared.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>How long a cached page lives when no write evicts it first (relative times, scheduled posts going live).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest size of the in-process cache, in megabytes.</summary>
    [Range(1, 4096)]
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>True when several nodes share the cache through Redis.</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
