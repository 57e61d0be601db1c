using StackExchange.Redis;

namespace HsctJournals.Web.Caching;

/// <summary>
/// The one Redis connection of a node (when <c>Cache:Redis</c> is set), shared by the page cache store and the
/// rate-limit counters. It connects on first use and keeps retrying in the background if Redis is down, so a
/// node starts without it. Redis only ever holds copies and counters (PostgreSQL is the source of truth), so while
/// it is unreachable the node goes on without it: pages are rendered each time and limits are counted in this
/// process (<see cref="OutageTolerantPageStore"/>, <see cref="Shared.RedisOrLocalRateLimiter"/>; decision 0064).
/// </summary>
public sealed class SharedRedis : IDisposable
{
    /// <summary>
    /// How long a command may wait for Redis unless the configuration string says otherwise. The library's default
    /// is 5 s; a Redis beside the nodes answers in well under a millisecond, and a reader waiting on an unreachable
    /// one waits this long (twice: the cache read and the cache write) before the page is rendered without it.
    /// </summary>
    public const int DefaultTimeoutMilliseconds = 1_000;

    private readonly Lazy<ConnectionMultiplexer> _connection;
    private readonly ILogger<SharedRedis> _logger;

    public SharedRedis(string configuration, ILogger<SharedRedis> logger)
    {
        _logger = logger;
        _connection = new(() => Connect(configuration));
    }

    /// <summary>Raised when the connection comes back after an outage (on a library thread).</summary>
    public event Action? Restored;

    public IConnectionMultiplexer Connection => _connection.Value;

    /// <summary>
    /// False while Redis is known to be unreachable: callers go without it at once instead of waiting for a
    /// timeout. True does not promise the next command succeeds (a connection can die unnoticed): callers still
    /// treat an exception <see cref="IsOutage"/> recognises as "not there".
    /// </summary>
    public bool IsAvailable => Connection.IsConnected;

    /// <summary>
    /// Whether <paramref name="e"/> means Redis could not be used (unreachable, too slow, or the connection already
    /// disposed as the app stops): the one rule by which the page store and the rate limits go on without it.
    /// </summary>
    public static bool IsOutage(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;

    private ConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        // Fail a command at once while disconnected rather than queueing it until the timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        if (!Names(configuration, "asyncTimeout")) options.AsyncTimeout = DefaultTimeoutMilliseconds;
        if (!Names(configuration, "syncTimeout")) options.SyncTimeout = DefaultTimeoutMilliseconds;
        if (!Names(configuration, "connectTimeout")) options.ConnectTimeout = 2 * DefaultTimeoutMilliseconds;
        var connection = ConnectionMultiplexer.Connect(options);
        connection.ConnectionFailed += (_, e) => _logger.LogWarning(e.Exception,
            "Redis at {Endpoint} is unreachable ({Failure}): pages are rendered without the shared cache and rate limits are counted on this node until it returns",
            e.EndPoint, e.FailureType);
        connection.ConnectionRestored += (_, e) =>
        {
            _logger.LogInformation("Redis at {Endpoint} is back", e.EndPoint);
            Restored?.Invoke();
        };
        return connection;
    }

    private static bool Names(string configuration, string option) =>
        configuration.Contains(option + "=", StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        if (_connection.IsValueCreated) _connection.Value.Dispose();
    }
}
