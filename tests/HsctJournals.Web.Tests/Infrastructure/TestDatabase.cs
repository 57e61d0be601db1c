using Microsoft.Data.Sqlite;
using Npgsql;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test class, on a real engine.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    string Provider { get; }
    string ConnectionString { get; }
    Task CreateAsync();
}

/// <summary>A SQLite file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hsct-tests-").FullName;
    public string Provider => "Sqlite";
    public string ConnectionString => $"Data Source={Path.Combine(_folder, "journals.db")}";
    public Task CreateAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A new database on the PostgreSQL server named by HSCT_TEST_POSTGRES (default: the role
/// .ci/run creates on 127.0.0.1). Dropped afterwards. There is no fallback: if the server is
/// not there the tests fail and say so.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=hsct_test;Password=hsct_test;Database=postgres";
    private static string Server => Environment.GetEnvironmentVariable("HSCT_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;
    private readonly string _name = "hsct_test_" + Guid.NewGuid().ToString("N")[..12];

    public string Provider => "Postgres";
    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name, Pooling = true }.ToString();

    public async Task CreateAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(Server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set HSCT_TEST_POSTGRES or run `bash .ci/run`, which starts one. ({e.Message})", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // Dropping is tidying, not testing: when the server is momentarily out of connection slots (many
        // test classes and app processes at once), try again shortly, then leave the database to the
        // throwaway test server rather than fail a run whose tests all passed.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(Server);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (NpgsqlException e) when (attempt < 3)
            {
                Console.Error.WriteLine($"Dropping test database {_name} failed ({e.Message}); trying again.");
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"Test database {_name} left on the server: {e.Message}");
                return;
            }
        }
    }
}
