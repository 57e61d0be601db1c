using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port, keeping every message it receives, so tests
/// exercise the app's real mail path (MailKit over TCP) and read links from what arrived.
/// Point the app at it with <c>Smtp:Host=127.0.0.1</c>, <c>Smtp:Port=</c><see cref="Port"/>, <c>Smtp:Security=None</c>.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private readonly Task _running;
    private int _disposed;

    public int Port { get; }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages => _store.Messages.ToArray();

    /// <param name="port">A port to listen on (e.g. one the app was already pointed at while no server ran); a free one by default.</param>
    public TestSmtpServer(int? port = null)
    {
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>The settings that make the app send here.</summary>
    public IEnumerable<KeyValuePair<string, string>> AppSettings =>
    [
        new("Smtp:Host", "127.0.0.1"), new("Smtp:Port", Port.ToString()), new("Smtp:Security", "None"),
        new("Smtp:From", "HSCT Journals <no-reply@tests.invalid>"),
    ];

    /// <summary>Messages sent to <paramref name="address"/> (owners' account mail is sent synchronously; queued mail needs <see cref="WaitForAsync"/>).</summary>
    public List<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The only message to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public MimeMessage Single(string address, string subject) =>
        Assert.Single(To(address), m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Waits (up to 30 s) for the only message to <paramref name="address"/> whose subject contains
    /// <paramref name="subject"/>: mail queued through the outbox arrives a moment after the response.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subject)
    {
        for (var i = 0; i < 300; i++)
        {
            if (To(address).Any(m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase))) break;
            await Task.Delay(100);
        }
        return Single(address, subject);
    }

    public async ValueTask DisposeAsync()
    {
        // Fixtures may be disposed twice (IAsyncLifetime and IDisposable); the second call does nothing.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    // Asking the OS for a free port and releasing it leaves a tiny race, acceptable for tests.
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
