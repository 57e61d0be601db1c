using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace HsctJournals.Web.Data;

#pragma warning disable EF1001 // EF's SQLite connection type is public but marked internal API; see decision 0065 for why and what to check on upgrade.
/// <summary>
/// EF's SQLite connection, except that a pooled context keeps its native connection open from its first statement
/// until the context itself is disposed, instead of closing it after every request (decision 0065). Closing is what
/// throws away every statement SQLite has prepared on the connection; kept open, <see cref="SqliteStatementCache"/>
/// prepares each SELECT once per connection.
/// </summary>
/// <remarks>
/// EF still disposes any transaction a request left behind when the context goes back to the pool, before this
/// (not) closing is reached, so no lock outlives its request. The connection is really closed when the context is
/// disposed (the pool is full, or the app stops): <see cref="Microsoft.Data.Sqlite.SqliteConnection"/> closes
/// itself when disposed.
/// </remarks>
public sealed class KeptOpenSqliteConnection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>
    /// The SQLite context pool's size, so at most this many connections stay open between requests: a context returned
    /// to a full pool is disposed, which closes its connection. Without it EF's default (1,024) would keep every
    /// connection a burst of requests opened, each with its page cache (up to 2 MB), for the life of the process.
    /// </summary>
    public const int MostKeptOpen = 32;

    /// <summary>Makes the contexts <paramref name="options"/> configures use this connection type instead of EF's.</summary>
    public static DbContextOptionsBuilder InsteadOfEfs(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();

    protected override void CloseDbConnection() { }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}
#pragma warning restore EF1001
