using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HsctJournals.Web.Data;

/// <summary>
/// Sets SQLite's per-connection settings each time EF opens a connection (they belong to the connection,
/// not the file, and Microsoft.Data.Sqlite pools connections, so the statement is cheap and idempotent).
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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
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
