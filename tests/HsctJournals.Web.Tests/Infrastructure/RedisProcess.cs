using System.Diagnostics;
using System.Net.Sockets;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// A private redis-server (the Debian package) on a free loopback port, with no persistence, for tests that
/// need the shared cache and counters. Stopped (by its own process id) when disposed.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    public int Port { get; }

    /// <summary>The <c>Cache:Redis</c> setting that points the app here.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    private RedisProcess(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public static RedisProcess Start()
    {
        var executable = Environment.GetEnvironmentVariable("REDIS_SERVER") is { Length: > 0 } configured ? configured : "redis-server";
        var folder = Directory.CreateTempSubdirectory("hsct-redis-").FullName;
        var port = TestSmtpServer.FreePort();
        var start = new ProcessStartInfo(executable, ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder, "--daemonize", "no"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("These tests need redis-server (apt-get install redis-server; `bash .ci/run` installs it).", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new RedisProcess(process, folder, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return redis;
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        process.Kill();
        throw new InvalidOperationException("redis-server did not start listening");
    }

    private bool _disposed;

    /// <summary>Stops the server. Safe to call twice: xunit disposes a fixture as IAsyncLifetime and again as IDisposable.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
