using System.Diagnostics;
using Npgsql;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of its own (the Debian package's <c>initdb</c>/<c>pg_ctl</c>) in a temporary folder on a free
/// loopback port, holding one database, for a test that crashes the server mid-load and starts it again: the shared
/// test server must never be stopped under the other test classes. Run as the <c>postgres</c> user when the tests
/// run as root (PostgreSQL refuses root), as the current user otherwise.
/// </summary>
public sealed class PrivatePostgresServer : ITestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hsct-pg-").FullName;
    private readonly int _port = TestSmtpServer.FreePort();
    private string DataFolder => Path.Combine(_folder, "data");

    public string Provider => "Postgres";
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=journals;Pooling=true";

    public async Task CreateAsync()
    {
        if (Environment.UserName == "root") await RunAsync("chown", "postgres", _folder);
        await RunAsPostgresAsync(Tool("initdb"), "-D", DataFolder, "-A", "trust", "-U", "postgres", "--no-sync");
        await StartAsync();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE journals", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts the server and waits until it accepts connections (after crash recovery, if it crashed).</summary>
    public Task StartAsync() => RunAsPostgresAsync(Tool("pg_ctl"), "-D", DataFolder, "-w", "-t", "120", "-l", Path.Combine(_folder, "server.log"),
        "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=on", "start");

    /// <summary>
    /// A crash: <c>pg_ctl stop -m immediate</c> ends every server process at once, without a checkpoint, so the next
    /// start runs crash recovery from the write-ahead log, as after the server is killed.
    /// </summary>
    public Task CrashAsync() => RunAsPostgresAsync(Tool("pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await CrashAsync(); } catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A server program of the newest PostgreSQL the Debian packages installed (HSCT_TEST_PG_BIN overrides).</summary>
    private static string Tool(string name)
    {
        var folder = Environment.GetEnvironmentVariable("HSCT_TEST_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                    .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                    .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                    .FirstOrDefault()
                : null;
        return folder is null
            ? throw new InvalidOperationException("This test needs PostgreSQL's server programs (apt-get install postgresql; `bash .ci/run` installs it).")
            : Path.Combine(folder, name);
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
