using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HsctJournals.Web.Data;

/// <summary>
/// Runs each SELECT EF sends on SQLite through a command prepared once per native connection and kept, instead of
/// EF's new command that SQLite parses and plans again every time (decision 0065): preparing was ~15 % of the CPU
/// of a signed-in post page. Needs connections that stay open (<see cref="KeptOpenSqliteConnection"/>): closing a
/// connection disposes its commands.
/// </summary>
/// <remarks>
/// Only reads are kept: a write's SQL changes with the number of rows EF batches, and writes are few. A kept command
/// takes EF's parameters and transaction for each run. If its previous reader is still open (the same SQL run again
/// while its first result is being read), EF's own command runs instead.
/// </remarks>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Distinct SELECTs kept per connection; beyond it a statement is prepared per run, as without the cache.</summary>
    public const int MaxStatementsPerConnection = 128;

    // Static: a connection belongs to one context of one app, so one table serves every app in the process (tests).
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, Kept>> ByConnection = new();

    /// <summary>The SELECTs kept on <paramref name="connection"/> (for tests; the connection must not be in use).</summary>
    internal static IReadOnlyCollection<string> KeptOn(SqliteConnection connection) =>
        ByConnection.TryGetValue(connection, out var kept) ? kept.Keys.ToList() : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        KeptFor(command) is { } kept ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.Run()) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs statements synchronously in its async methods too; running here saves their Task.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(KeptFor(command) is { } kept ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.Run()) : result);
    }

    private Kept? KeptFor(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { } connection } sqlite || !IsRead(sqlite.CommandText)) return null;
        // One request at a time uses a connection (a pooled context is leased to one scope), so no lock is needed.
        var kept = ByConnection.GetValue(connection, _ => new Dictionary<string, Kept>(StringComparer.Ordinal));
        if (!kept.TryGetValue(sqlite.CommandText, out var entry))
        {
            if (kept.Count >= MaxStatementsPerConnection) return null;
            var prepared = connection.CreateCommand();
            prepared.CommandText = sqlite.CommandText;
            kept.Add(sqlite.CommandText, entry = new Kept(prepared));
        }
        return entry.Take(sqlite) ? entry : null;
    }

    private static bool IsRead(string sql) => sql.StartsWith("SELECT", StringComparison.Ordinal);

    private sealed class Kept(SqliteCommand command)
    {
        private SqliteDataReader? _reader;

        /// <summary>Takes the run's parameters and transaction; false while the last reader is still open.</summary>
        public bool Take(SqliteCommand run)
        {
            if (_reader is { IsClosed: false }) return false;
            command.Transaction = run.Transaction;
            command.CommandTimeout = run.CommandTimeout;
            command.Parameters.Clear();
            foreach (SqliteParameter parameter in run.Parameters) command.Parameters.Add(parameter);
            return true;
        }

        public SqliteDataReader Run() => _reader = command.ExecuteReader();
    }
}
