using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HsctJournals.Web.Data;

/// <summary>
/// Recognises "the database cannot take this request just now" — as opposed to a fault in the app — so the
/// error page can answer 503 with Retry-After instead of 500 (docs/decisions/0050-database-outage-answers-503.md).
/// </summary>
public static class DatabaseOutage
{
    /// <summary>How long a client is asked to wait before it tries again.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>True when the exception, or one it wraps (EF wraps the provider's), says the database is unreachable or too busy.</summary>
    public static bool Caused(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLITE_BUSY / SQLITE_LOCKED: another writer (or another program, e.g. a backup tool) held the
                // database longer than SqlitePragmas.BusyTimeoutMilliseconds.
                case SqliteException lite when lite.SqliteErrorCode is 5 or 6:
                    return true;
                case SqliteException:
                    return false; // any other SQLite error is a fault to look into, not a wait
                // Npgsql marks as transient: connection refused or reset, the server shutting down or starting
                // (57P01, 57P03), too many connections, the pool exhausted, serialization failures and deadlocks.
                case DbException database when database.IsTransient:
                    return true;
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }
}
