using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>
/// Like <see cref="BrowserFixture"/>, but the app lets a fast robot (Playwright) through: no minimum fill time and
/// high rate limits, since every browser test comes from 127.0.0.1. Those rules have their own integration tests.
/// </summary>
public sealed class CommentsBrowserFixture : IAsyncLifetime
{
    public CommentsKestrelApp App { get; } = new();
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

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, JavaScriptEnabled = javaScript, Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

/// <summary>The SQLite app on Kestrel with relaxed comment limits for the browser.</summary>
public sealed class CommentsKestrelApp : AppFactory
{
    public CommentsKestrelApp() : base(new SqliteTestDatabase()) => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Comments:MinimumFillSeconds", "0");
        builder.UseSetting("Comments:MaxPerIp", "10000");
        builder.UseSetting("Comments:MaxPerEmail", "10000");
    }
}
