using StackExchange.Redis;

namespace HsctJournals.Web.Caching;

/// <summary>
/// The one Redis connection of a node (when <c>Cache:Redis</c> is set), shared by the page cache store and the
/// rate-limit counters. It connects on first use and keeps retrying in the background if Redis is down, so a
/// node starts without it (pages are then rendered each time; see <see cref="PageCacheEviction"/>).
/// </summary>
public sealed class SharedRedis(string configuration) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    });

    public IConnectionMultiplexer Connection => _connection.Value;

    public void Dispose()
    {
        if (_connection.IsValueCreated) _connection.Value.Dispose();
    }
}
