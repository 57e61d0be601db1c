using System.Reflection;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace HsctJournals.Web.Api;

/// <summary>
/// Makes the OpenAPI document one that typed client generators accept (issue 8, fix 8), by rules rather than by
/// hand on each endpoint, so a new endpoint is described the same way:
/// <list type="bullet">
/// <item>numbers are <c>integer</c>/<c>number</c>, not <c>["integer","string"]</c> (the server still reads a
/// quoted number, but clients should not be typed for it), and strings are typed <c>string</c> (our input-cleaning
/// converter hid their type);</item>
/// <item>enums are typed <c>string</c> with only their names; where a property may be null the document already
/// says so with <c>oneOf: [null, $ref]</c>, so a shared enum schema must not list null itself;</item>
/// <item>text bodies (the labs CSV) are strings;</item>
/// <item>the problem answers each operation can give are listed: 400 and 413 with a body (415 for a JSON body),
/// 401 with a token, 403 when a member's role may lack the capability, 404 with a path value, 429 when rate
/// limited; answers particular to one endpoint are declared on it with <c>ProducesProblem</c>;</item>
/// <item>tags carry descriptions.</item>
/// </list>
/// </summary>
public sealed class ApiContractTransformer : IOpenApiSchemaTransformer, IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Tokens"] = "Personal access tokens: create one with your password, list and revoke them.",
        ["Journals"] = "Journals you may read, and your own journals' settings.",
        ["Posts"] = "A journal's posts; drafts and scheduled posts for its writers.",
        ["Photos"] = "A journal's photos, for its writers.",
        ["Comments"] = "Approved comments on a post, and posting a comment or reply.",
        ["Comment moderation"] = "The moderation queue and its actions, for owners, co-authors and moderators.",
        ["Treatment"] = "The treatment course beside a journal: phases, labs, events, milestones, FHIR export.",
        ["Import and export"] = "WordPress and backup exports, imports, restore and your personal data.",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (schema.Type is { } t && t.HasFlag(JsonSchemaType.String) && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (type == typeof(string) && schema.Type is null)
            schema.Type = IsNullable(context) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = schema.Enum?.Where(v => v is not null).ToList();
        }
        return Task.CompletedTask;
    }

    // A string property is nullable when its declaration says so (string?); parameters and bodies are nullable
    // when they are optional.
    private static bool IsNullable(OpenApiSchemaTransformerContext context)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is PropertyInfo property)
            return new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull;
        if (context.ParameterDescription is { } parameter) return !parameter.IsRequired;
        return false;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var path = "/" + (description.RelativePath ?? "");
        var body = operation.RequestBody?.Content;

        if (body is not null)
            foreach (var (mediaType, content) in body)
                if (mediaType.StartsWith("text/", StringComparison.Ordinal))
                    content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The rows as delimited text." };

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (body is not null || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            Add(operation, 400, "The request is not valid; the problem says which fields and why.");
        if (policies.Contains(ApiAuth.Policy) || policies.Contains(ApiAuth.ReaderPolicy))
            Add(operation, 401, "The token is missing (where one is required), unknown, revoked or expired.");
        if (metadata.OfType<JournalCapabilityMetadata>().Any(m => m.Capability != JournalCapability.Read)
            || (path.StartsWith("/api/v1/journals/{journal}", StringComparison.Ordinal) && description.HttpMethod != "GET"))
            Add(operation, 403, "You are a member of the journal, but your role does not allow this.");
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
            Add(operation, 404, "There is nothing at this address, or it is not shared with you (the two answer the same).");
        if (body is not null)
        {
            Add(operation, 413, "The request body is too large.");
            if (body.ContainsKey("application/json")) Add(operation, 415, "The body is not sent as 'Content-Type: application/json'.");
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Add(operation, 429, "Too many requests; the Retry-After header says how many seconds to wait.");
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags)
            if (TagDescriptions.TryGetValue(tag.Name ?? "", out var text)) tag.Description = text;
        return Task.CompletedTask;
    }

    /// <summary>Documents a ProblemDetails answer unless the endpoint already declares that status.</summary>
    public static void Add(OpenApiOperation operation, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var existing))
        {
            if (string.IsNullOrEmpty(existing.Description) && existing is OpenApiResponse response) response.Description = description;
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
            },
        };
    }
}
