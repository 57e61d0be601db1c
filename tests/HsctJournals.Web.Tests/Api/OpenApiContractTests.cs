using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.OpenApi;

namespace HsctJournals.Web.Tests.Api;

/// <summary>
/// Issue 8, fix 8: the OpenAPI document, loaded with Microsoft.OpenApi (the library typed client generators build
/// on), reads and validates without errors and has none of the faults that broke typed clients.
/// </summary>
public abstract class OpenApiContractTests(AppFactory app)
{
    private async Task<OpenApiDocument> LoadAsync()
    {
        var json = await app.ApiClient().GetStringAsync("/openapi/v1.json");
        var read = OpenApiDocument.Parse(json, "json");
        Assert.True(read.Diagnostic?.Errors.Count is null or 0, string.Join("\n", read.Diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        Assert.NotNull(read.Document);
        var problems = read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? [];
        Assert.True(!problems.Any(), string.Join("\n", problems.Select(e => $"{e.Pointer}: {e.Message}")));
        return read.Document;
    }

    private static IEnumerable<(string Where, IOpenApiSchema Schema)> Schemas(OpenApiDocument document)
    {
        var roots = new List<(string, IOpenApiSchema?)>();
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()) roots.Add(($"#/components/schemas/{name}", schema));
        foreach (var (path, item) in document.Paths)
            foreach (var (method, operation) in item.Operations ?? [])
            {
                foreach (var parameter in operation.Parameters ?? []) roots.Add(($"{method} {path} ?{parameter.Name}", parameter.Schema));
                foreach (var (type, content) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()) roots.Add(($"{method} {path} body {type}", content.Schema));
            }
        var stack = new Stack<(string, IOpenApiSchema?)>(roots);
        while (stack.Count > 0)
        {
            var (where, schema) = stack.Pop();
            if (schema is null or OpenApiSchemaReference) continue;
            yield return (where, schema);
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>()) stack.Push(($"{where}.{name}", property));
            if (schema.Items is { } items) stack.Push(($"{where}[]", items));
            foreach (var part in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])) stack.Push(($"{where}|", part));
        }
    }

    [Fact]
    public async Task Numbers_strings_and_enums_have_the_types_typed_clients_need()
    {
        var document = await LoadAsync();
        var schemas = Schemas(document).ToList();
        Assert.NotEmpty(schemas);
        foreach (var (where, schema) in schemas)
        {
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String))
                Assert.False(type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number), $"{where} is typed both number and string.");
            if (schema.Enum is { Count: > 0 } values)
            {
                Assert.True(schema.Type == JsonSchemaType.String, $"{where} is an enum without type string.");
                Assert.DoesNotContain(values, v => v is null);
            }
        }
        var post = Assert.IsType<OpenApiSchema>(document.Components!.Schemas!["PostDto"]);
        Assert.Equal(JsonSchemaType.String, post.Properties!["title"].Type & ~JsonSchemaType.Null);
        Assert.Equal(JsonSchemaType.Integer, post.Properties["id"].Type);
    }

    [Fact]
    public async Task Every_operation_lists_the_problem_answers_it_can_give()
    {
        var document = await LoadAsync();
        var operations = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Method: o.Key.Method, Operation: o.Value))).ToList();
        Assert.True(operations.Count > 30);
        foreach (var (path, method, operation) in operations)
        {
            var codes = operation.Responses!.Keys.ToHashSet();
            var where = $"{method} {path}";
            if (path.Contains('{', StringComparison.Ordinal)) Assert.True(codes.Contains("404"), $"{where} has no 404.");
            if (operation.Security is { Count: > 0 } security && security.Any(r => r.Count > 0)) Assert.True(codes.Contains("401"), $"{where} has no 401.");
            if (operation.RequestBody is { } body)
            {
                Assert.True(codes.Contains("400"), $"{where} has no 400.");
                if (body.Content!.ContainsKey("application/json")) Assert.True(codes.Contains("415"), $"{where} has no 415.");
            }
            if (path.StartsWith("/api/v1/journals/{journal}", StringComparison.Ordinal) && method != "GET") Assert.True(codes.Contains("403"), $"{where} has no 403.");
        }
        OpenApiOperation Find(string id) => operations.Single(o => o.Operation.OperationId == id).Operation;
        Assert.Contains("412", Find("UpdatePost").Responses!.Keys);
        Assert.Contains("422", Find("PostComment").Responses!.Keys);
        Assert.Contains("429", Find("PostComment").Responses!.Keys);
        var token = Find("CreateToken");
        Assert.Contains("429", token.Responses!.Keys);
        Assert.Contains("401", token.Responses.Keys);
        // Security is declared: anyone may call it, no token needed.
        Assert.Empty(Assert.Single(token.Security!));
    }

    [Fact]
    public async Task Text_bodies_query_values_and_tags_are_described()
    {
        var document = await LoadAsync();
        var labs = document.Paths["/api/v1/journals/{journal}/treatment/labs"].Operations![HttpMethod.Post];
        Assert.Equal(JsonSchemaType.String, labs.RequestBody!.Content!["text/csv"].Schema!.Type);
        var posts = document.Paths["/api/v1/journals/{journal}/posts"].Operations![HttpMethod.Get];
        Assert.Equal(["live", "all"], posts.Parameters!.Single(p => p.Name == "status").Schema!.Enum!.Select(v => v!.GetValue<string>()));
        var queue = document.Paths["/api/v1/journals/{journal}/comments"].Operations![HttpMethod.Get];
        Assert.Equal(["pending", "approved", "spam", "trash"], queue.Parameters!.Single(p => p.Name == "status").Schema!.Enum!.Select(v => v!.GetValue<string>()));
        Assert.NotEmpty(document.Tags!);
        Assert.All(document.Tags!, t => Assert.False(string.IsNullOrWhiteSpace(t.Description), $"Tag {t.Name} has no description."));
    }
}

public sealed class OpenApiContractTestsOnSqlite(SqliteApp app) : OpenApiContractTests(app), IClassFixture<SqliteApp>;
public sealed class OpenApiContractTestsOnPostgres(PostgresApp app) : OpenApiContractTests(app), IClassFixture<PostgresApp>;
