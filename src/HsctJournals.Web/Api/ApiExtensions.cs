using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Treatment;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;

namespace HsctJournals.Web.Api;

public static class ApiExtensions
{
    /// <summary>Bearer tokens, the API's policies, the token rate limit, JSON settings and the OpenAPI document.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddScoped<ApiTokens>();
        // An extra scheme: Identity's cookie stays the default for pages.
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(ApiAuth.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuth.Policy, p => p.AddAuthenticationSchemes(ApiAuth.Scheme).RequireAuthenticatedUser())
            .AddPolicy(ApiAuth.ReaderPolicy, p => p.AddAuthenticationSchemes(ApiAuth.Scheme).RequireAssertion(c =>
                c.User.Identity?.IsAuthenticated == true
                || c.Resource is not HttpContext http
                || string.IsNullOrEmpty(http.Request.Headers.Authorization)));
        services.AddTokenRateLimit();

        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Where binding failures throw (Development, or a body cut off while reading), say what was wrong;
        // elsewhere ApiRequestLimits gives the empty 400 a body.
        services.AddExceptionHandler<ApiBadRequestHandler>();
        services.AddOpenApi(o =>
        {
            // The document describes the JSON API only; feeds, sitemap and pages are not part of it.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true
                                             || description.RelativePath == "api/v1";
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BearerSecurityTransformer>();
            o.AddSchemaTransformer<ApiContractTransformer>();
            o.AddOperationTransformer<ApiContractTransformer>();
            o.AddDocumentTransformer<ApiContractTransformer>();
        });
        return services;
    }

    /// <summary>
    /// The JSON API: one /api/v1 group onto which every feature maps the endpoints it owns (each folder's
    /// <c>MapXApi(this RouteGroupBuilder)</c>, next to its use cases), and the OpenAPI document.
    /// </summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        // Middleware added here runs after routing, authentication and authorization (UseSharedWeb).
        app.UseRateLimiter();
        app.UseApiRequestLimits();

        var api = app.MapGroup("/api/v1").WithGroupName("v1");
        api.MapTokensApi();
        api.MapJournalsApi();
        api.MapPostsApi();
        api.MapPhotosApi();
        api.MapCommentsApi();
        api.MapTreatmentApi();
        api.MapPortabilityApi();
        app.MapApiDocs();
        return app;
    }
}
