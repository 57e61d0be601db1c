using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// The built app as a separate operating-system process on a loopback port, so a test can
/// kill it without warning (SIGKILL) and start it again on the same database.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseUrl { get; }

    private AppProcess(Process process, string baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    /// <param name="database">The database every node shares.</param>
    /// <param name="settings">Extra configuration (keys with ':' as in appsettings), e.g. <c>Cache:Redis</c>.</param>
    public static async Task<AppProcess> StartAsync(ITestDatabase database, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "HsctJournals.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Journals"] = database.ConnectionString;
        start.Environment["Database__SeedDemo"] = "false";
        start.Environment["Admin__Email"] = AppFactory.AdminEmail;
        start.Environment["Admin__Password"] = AppFactory.Password;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Site__BaseUrl"] = AppFactory.SiteBaseUrl;
        start.Environment["Site__ExtraHosts__0"] = "127.0.0.1";
        start.Environment["LoginLimit__AttemptsPerWindow"] = "100000";
        start.Environment["LoginLimit__AccountAttemptsPerWindow"] = "100000";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? []) start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            var match = ListeningOn().Match(e.Data);
            if (match.Success) listening.TrySetResult(match.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Generous: a fresh PostgreSQL database runs every migration first, and on a shared 2-core machine under
        // heavy load that alone has taken close to a minute (a deadline, not a measurement).
        var finished = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(180)));
        if (finished != listening.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The app did not start:\n" + output);
        }
        return new AppProcess(process, listening.Task.Result);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a power cut for the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = new Uri(BaseUrl),
    };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
