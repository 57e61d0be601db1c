using HsctJournals.Web.Tests.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HsctJournals.Web.Tests.Security;

/// <summary>
/// The real app behind a public https address that is not the host the test client calls, with
/// real SMTP and a quick outbox: any link built from the request instead of <c>Site:BaseUrl</c> shows.
/// </summary>
public abstract class SecurityApp(ITestDatabase database) : MailingApp(database)
{
    public const string PublicUrl = "https://journals.example.org";

    // The site is https, so its cookies are Secure and only come back over https.
    protected override Uri ClientBaseAddress => new("https://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:PollSeconds", "0.2");
        builder.UseSetting("Site:BaseUrl", PublicUrl);
    }
}

public sealed class SecuritySqliteApp() : SecurityApp(new SqliteTestDatabase());
public sealed class SecurityPostgresApp() : SecurityApp(new PostgresTestDatabase());
