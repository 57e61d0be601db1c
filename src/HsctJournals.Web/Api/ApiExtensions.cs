namespace HsctJournals.Web.Api;

public static class ApiExtensions
{
    public static IServiceCollection AddJournalsApi(this IServiceCollection services) => services;

    /// <summary>The JSON API under /api/v1 and its OpenAPI document.</summary>
    public static WebApplication MapJournalsApi(this WebApplication app) => app;
}
