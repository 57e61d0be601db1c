using HsctJournals.Web.Tests.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HsctJournals.Web.Tests.Notifications;

/// <summary>Settings that make the background sender quick enough for tests.</summary>
internal static class FastNotifications
{
    public const string BaseUrl = "http://journals.test";

    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Notifications:PollSeconds", "0.2");
        builder.UseSetting("Notifications:RetryBaseSeconds", "0.5");
        // Digests are due from midnight UTC, so a follower confirmed yesterday gets today's.
        builder.UseSetting("Notifications:DigestTimeUtc", "00:00:00");
        builder.UseSetting("Site:BaseUrl", BaseUrl);
    }
}

/// <summary>The real app with its background sender delivering to a running <see cref="TestSmtpServer"/>.</summary>
public abstract class NotifyingApp(ITestDatabase database) : MailingApp(database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FastNotifications.Apply(builder);
    }
}

public sealed class NotifyingSqliteApp() : NotifyingApp(new SqliteTestDatabase());
public sealed class NotifyingPostgresApp() : NotifyingApp(new PostgresTestDatabase());

/// <summary>
/// The app pointed at an SMTP port where nothing listens yet (connections are refused); a test
/// starts the server on that port with <see cref="StartMailServer"/>.
/// </summary>
public abstract class SmtpDownApp(ITestDatabase database) : AppFactory(database)
{
    public int SmtpPort { get; } = TestSmtpServer.FreePort();
    public TestSmtpServer? Mail { get; private set; }

    public TestSmtpServer StartMailServer() => Mail ??= new TestSmtpServer(SmtpPort);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", SmtpPort.ToString());
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "HSCT Journals <no-reply@tests.invalid>");
        FastNotifications.Apply(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Mail?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed class SmtpDownSqliteApp() : SmtpDownApp(new SqliteTestDatabase());
public sealed class SmtpDownPostgresApp() : SmtpDownApp(new PostgresTestDatabase());
