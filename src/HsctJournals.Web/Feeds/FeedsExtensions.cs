namespace HsctJournals.Web.Feeds;

public static class FeedsExtensions
{
    public static IServiceCollection AddFeeds(this IServiceCollection services) => services;

    /// <summary>RSS, Atom, sitemap.xml and robots.txt.</summary>
    public static WebApplication MapFeeds(this WebApplication app) => app;
}
