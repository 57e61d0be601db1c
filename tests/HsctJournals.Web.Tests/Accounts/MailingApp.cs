using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HsctJournals.Web.Tests.Accounts;

/// <summary>The real app sending its mail over SMTP to a <see cref="TestSmtpServer"/> owned by the fixture.</summary>
public abstract class MailingApp(ITestDatabase database) : AppFactory(database)
{
    public TestSmtpServer Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Mail.AppSettings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Mail.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed class MailingSqliteApp() : MailingApp(new SqliteTestDatabase());
public sealed class MailingPostgresApp() : MailingApp(new PostgresTestDatabase());
