using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HsctJournals.Web.Data;

/// <summary>Recognises a unique-index conflict on either provider, for writes that retry when two requests race.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        SqliteException lite => lite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
