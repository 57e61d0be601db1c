using System.Diagnostics;
using System.Net.Sockets;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// A private redis-server (the Debian package) on a free loopback port, with no persistence of its own (a test can
/// snapshot it and start it again: <see cref="SaveAndStopAsync"/>, <see cref="Restart"/>), for tests that need the
/// shared cache and counters. Stopped (by its own process id) when disposed.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private Process _process;
    private readonly string _folder;
    public int Port { get; }

    /// <summary>The <c>Cache:Redis</c> setting that points the app here.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    private RedisProcess(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public static RedisProcess Start()
    {
        var folder = Directory.CreateTempSubdirectory("hsct-redis-").FullName;
        var port = TestSmtpServer.FreePort();
        return new RedisProcess(Launch(folder, port), folder, port);
    }

    /// <summary>
    /// Writes the data set to disk (<c>SAVE</c>) and stops the server: a Redis going away that comes back
    /// (<see cref="Restart"/>) with what it held, as one restarted from its snapshot does.
    /// </summary>
    public async Task SaveAndStopAsync()
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("*1\r\n$4\r\nSAVE\r\n"u8.ToArray());
            var reply = new byte[64];
            var read = await stream.ReadAsync(reply);
            Assert.StartsWith("+OK", System.Text.Encoding.ASCII.GetString(reply, 0, read));
        }
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the server again on the same port and folder (it loads the snapshot <see cref="SaveAndStopAsync"/> wrote).</summary>
    public void Restart()
    {
        _process.Dispose();
        _process = Launch(_folder, Port);
    }

    private static Process Launch(string folder, int port)
    {
        var executable = Environment.GetEnvironmentVariable("REDIS_SERVER") is { Length: > 0 } configured ? configured : "redis-server";
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
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return process;
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
