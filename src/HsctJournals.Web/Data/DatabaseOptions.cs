using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Data;

/// <summary>Which database the app uses. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, a file under ./data) or <c>Postgres</c> (needs <c>ConnectionStrings:Journals</c>).</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be 'Sqlite' or 'Postgres'.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Seed the demo journals when the database is empty.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>
    /// SQLite only: <c>Normal</c> (default: an acknowledged write survives the app being killed, the last few
    /// may be lost if the machine loses power) or <c>Full</c> (an fsync per commit; survives power loss, fewer writes a second).
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    public bool IsPostgres => Provider == "Postgres";
}
