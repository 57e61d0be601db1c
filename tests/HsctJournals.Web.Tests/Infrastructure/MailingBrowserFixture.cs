using HsctJournals.Web.Tests.Accounts;
using HsctJournals.Web.Tests.Notifications;
using Microsoft.AspNetCore.Hosting;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>Chromium in front of <see cref="MailingKestrelApp"/>: browser tests that read the mail the app sent.</summary>
public sealed class MailingBrowserFixture : BrowserFixture<MailingKestrelApp>;

/// <summary>
/// The SQLite app on Kestrel, delivering its mail (background sender included, polling quickly) to the
/// fixture's <see cref="TestSmtpServer"/>. Links in mail use <see cref="FastNotifications.BaseUrl"/>, so a
/// test opens their path on the browser's base address.
/// </summary>
public sealed class MailingKestrelApp : MailingApp
{
    public MailingKestrelApp() : base(new SqliteTestDatabase()) => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FastNotifications.Apply(builder);
    }
}
