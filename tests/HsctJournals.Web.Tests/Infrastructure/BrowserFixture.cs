using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// The app on real Kestrel (127.0.0.1, a free port) and Debian's Chromium driven by Playwright.
/// Playwright cannot download browsers here, so it is pointed at the system binary.
/// </summary>
public sealed class BrowserFixture : BrowserFixture<SqliteKestrelApp>
{
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("Chromium not found: install Debian's `chromium` package (bash .ci/run does) or set CHROMIUM_PATH.");
}

/// <summary>
/// Chromium in front of any Kestrel-hosted <typeparamref name="TApp"/> (one that calls <c>UseKestrel</c>), so
/// fixtures with differently configured apps (e.g. one that sends mail) share the browser plumbing.
/// </summary>
public abstract class BrowserFixture<TApp> : IAsyncLifetime where TApp : AppFactory, new()
{
    public TApp App { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies), optionally with JavaScript off.</summary>
    public Task<IPage> NewPageAsync(bool javaScript = true) => NewPageAsync(javaScript, null);

    /// <summary>A fresh browser context; <paramref name="configure"/> may change the defaults (viewport, reduced motion…).</summary>
    public async Task<IPage> NewPageAsync(bool javaScript, Action<BrowserNewContextOptions>? configure)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, JavaScriptEnabled = javaScript, Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
        };
        configure?.Invoke(options);
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in as <paramref name="user"/> through the real login form.</summary>
    public Task<IPage> SignInAsync(HsctJournals.Web.Shared.AppUser user) => BrowserChecks.SignInAsync(() => NewPageAsync(), user);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

/// <summary>The SQLite app served by Kestrel on a free loopback port, for the browser.</summary>
public sealed class SqliteKestrelApp : AppFactory
{
    public SqliteKestrelApp() : base(new SqliteTestDatabase()) => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
}

/// <summary>The PostgreSQL app served by Kestrel on a free loopback port, for browser tests that run on both providers.</summary>
public sealed class PostgresKestrelApp : AppFactory
{
    public PostgresKestrelApp() : base(new PostgresTestDatabase()) => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
}

/// <summary>Chromium in front of <see cref="PostgresKestrelApp"/>.</summary>
public sealed class PostgresBrowserFixture : BrowserFixture<PostgresKestrelApp>;
