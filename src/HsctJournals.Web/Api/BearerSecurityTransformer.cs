using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Api;

/// <summary>
/// Describes personal access tokens in the OpenAPI document: a "Bearer" HTTP security scheme,
/// required by operations that need a signed-in caller and optional on those anyone may call.
/// </summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        // The document is built per request, so it carries the site's name as the admin set it (decision 0043).
        await using (var scope = context.ApplicationServices.CreateAsyncScope())
            document.Info.Title = $"{(await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().ForDisplayAsync(ct)).Name} API";
        document.Info.Description =
            "Journals and posts, with the same access rules as the website. Authenticate with a personal access token " +
            "(create one at /account/tokens or with POST /api/v1/tokens) sent as 'Authorization: Bearer TOKEN'. " +
            "A journal or post you may not read answers 404, exactly like one that does not exist.";
        AddScheme(document);
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var required = policies.Contains(ApiAuth.Policy);
        if (!required && !policies.Contains(ApiAuth.ReaderPolicy)) return Task.CompletedTask;

        var document = context.Document!;
        AddScheme(document);
        operation.Security ??= [];
        // An empty requirement first means "anonymous is fine too" (OpenAPI 3 §4.8.30).
        if (!required) operation.Security.Add(new OpenApiSecurityRequirement());
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiAuth.Scheme, document)] = [] });
        return Task.CompletedTask;
    }

    private static void AddScheme(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiAuth.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (it starts with 'hsct_').",
        };
    }
}
