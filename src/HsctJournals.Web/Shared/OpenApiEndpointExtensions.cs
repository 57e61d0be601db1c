using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace HsctJournals.Web.Shared;

/// <summary>What the OpenAPI document cannot infer about one endpoint, declared next to its mapping.</summary>
public static class OpenApiEndpointExtensions
{
    /// <summary>The query value <paramref name="name"/> takes one of <paramref name="values"/> (documented as an enum).</summary>
    public static RouteHandlerBuilder WithQueryValues(this RouteHandlerBuilder builder, string name, params string[] values) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Query) is OpenApiParameter parameter)
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };
            return Task.CompletedTask;
        });

    /// <summary>Anyone may call the endpoint without a token (declared, so generators do not guess).</summary>
    public static RouteHandlerBuilder WithoutToken(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        });
}
