using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Feeds;

/// <summary>Feeds and discovery: RSS/Atom per journal and category, secret per-reader feeds, sitemap.xml and robots.txt.</summary>
public static class FeedsExtensions
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedQueries>();
        services.AddScoped<SecretFeeds>();
        return services;
    }

    /// <summary>RSS, Atom, sitemap.xml and robots.txt. The feeds page (/j/{journal}/feeds) is a Razor page.</summary>
    public static WebApplication MapFeeds(this WebApplication app)
    {
        FeedEndpoints.Map(app);
        app.MapGet("/sitemap.xml", (HttpContext http, JournalAccess access, CancellationToken ct) => Sitemap.WriteAsync(http, access, ct));
        app.MapGet("/robots.txt", (HttpRequest request) => Results.Text(RobotsTxt.Text(request), "text/plain; charset=utf-8"));
        return app;
    }
}
