using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>
/// <see cref="BrowserFixture"/>'s browser in front of an app that lets a fast robot (Playwright) through: no minimum
/// fill time and high rate limits, since every browser test comes from 127.0.0.1. Those rules have their own
/// integration tests.
/// </summary>
public sealed class CommentsBrowserFixture : BrowserFixture<CommentsKestrelApp>;

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
