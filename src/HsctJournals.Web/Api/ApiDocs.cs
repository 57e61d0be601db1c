using Scalar.AspNetCore;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Api;

/// <summary>
/// The interactive API reference at /api/docs, served entirely from this site: Scalar's bundled
/// script, no CDN, no web fonts, no telemetry, no AI or MCP add-ons.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/api/docs";

    /// <summary>
    /// Scalar's page boots from an inline script and styles itself inline, which the site-wide policy
    /// forbids. This looser policy is set for the reference page only, before the site-wide middleware
    /// (which adds its own only when none is present) writes headers; still nothing from other hosts.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), docs => docs.Use((http, next) =>
        {
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(http);
        }));
        app.MapOpenApi("/openapi/{documentName}.json");
        // The page's title is the site's name as the admin set it (decision 0043), read per request.
        app.MapScalarApiReference(Path, async (o, http) => o
            .WithTitle($"{(await http.RequestServices.GetRequiredService<SiteSettingsStore>().ForDisplayAsync(http.RequestAborted)).Name} API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .AddPreferredSecuritySchemes(ApiAuth.Scheme));
        app.MapGet("/api", () => TypedResults.Redirect(Path + "/")).ExcludeFromDescription();
        return app;
    }
}
