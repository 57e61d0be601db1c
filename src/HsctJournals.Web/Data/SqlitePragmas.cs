using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace HsctJournals.Web.Data;

/// <summary>
/// Sets SQLite's per-connection settings the first time EF opens each native connection (they belong to the
/// connection, not the file, and stay with it while Microsoft.Data.Sqlite's pool keeps it).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>synchronous</c>: in WAL mode <c>NORMAL</c> writes each commit to the WAL before the call
/// returns but leaves the fsync to checkpoints, so an acknowledged write survives the app being killed
/// (the bytes are in the operating system) but not a power cut. <c>FULL</c> syncs on every commit
/// (decision record 0022).</item>
/// <item><c>busy_timeout</c>: a writer that finds the database locked waits inside SQLite, in steps of a
/// few milliseconds, instead of Microsoft.Data.Sqlite's own retry, which sleeps 150 ms at a time and made
/// concurrent comment posts wait hundreds of milliseconds.</item>
/// </list>
/// </remarks>
public sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for the lock before SQLite answers "busy" (and EF reports the error).</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _sql = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";

    // The native connections that already have the settings. EF opens and closes the connection around each query
    // (seven times for a post page), and the pool hands back the same native connection each time: running the two
    // statements once per native connection instead of once per open took their preparing and the pool's extra
    // round off every query (bench/README.md, "uncached read path"). Weak keys: a connection the pool drops is forgotten.
    private readonly ConditionalWeakTable<sqlite3, object> _applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection, out var handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection, out var handle)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(handle);
    }

    private bool NeedsSettings(DbConnection connection, out sqlite3? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !_applied.TryGetValue(handle, out _);
    }

    private void Remember(sqlite3? handle)
    {
        if (handle is not null) _applied.AddOrUpdate(handle, this);
    }
}

/// <summary>When SQLite makes a commit durable (<see cref="DatabaseOptions.SqliteSynchronous"/>).</summary>
public enum SqliteSynchronous
{
    /// <summary>Survives the app being killed; the last commits may be lost on power failure (WAL checkpoints sync).</summary>
    Normal,
    /// <summary>Every commit is synced to disk before it returns: survives power failure, costs an fsync per write.</summary>
    Full,
}
