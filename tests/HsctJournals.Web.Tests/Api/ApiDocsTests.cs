using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Api;

/// <summary>The OpenAPI document and the offline API reference page.</summary>
public abstract partial class ApiDocsTests(AppFactory app)
{
    [Fact]
    public async Task The_openapi_document_lists_the_api_paths_and_the_bearer_scheme()
    {
        var response = await app.ApiClient().GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/tokens", paths);
        Assert.Contains("/api/v1/tokens/{id}", paths);
        Assert.Contains("/api/v1/journals", paths);
        Assert.Contains("/api/v1/journals/{journal}", paths);
        Assert.Contains("/api/v1/journals/{journal}/posts", paths);
        Assert.Contains("/api/v1/journals/{journal}/posts/{post}", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var createJournal = document.GetProperty("paths").GetProperty("/api/v1/journals").GetProperty("post");
        Assert.Equal("CreateJournal", createJournal.GetProperty("operationId").GetString());
        Assert.Contains("Bearer", createJournal.GetProperty("security").GetRawText());
    }

    [Fact]
    public async Task The_reference_page_works_offline_with_its_own_content_security_policy()
    {
        var client = app.ApiClient();
        var redirect = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var response = await client.GetAsync("/api/docs/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.DoesNotContain("http", csp);
        foreach (Match source in ExternalReference().Matches(html))
            Assert.Fail($"The reference page loads from another host: {source.Value}");
        Assert.DoesNotContain("fonts.", html);

        // The scripts it does load are served here.
        foreach (Match script in ScriptSource().Matches(html))
        {
            var src = new Uri(new Uri("http://localhost/api/docs/"), script.Groups[1].Value);
            var asset = await client.GetAsync(src);
            Assert.True(asset.IsSuccessStatusCode, $"{src} answered {(int)asset.StatusCode}");
        }
        // Every other page keeps the strict policy.
        var home = await app.AnonymousClient().GetAsync("/");
        Assert.DoesNotContain("unsafe-inline", home.Headers.GetValues("Content-Security-Policy").Single());
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""<script[^>]*\ssrc\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}

public sealed class ApiDocsTestsOnSqlite(SqliteApp app) : ApiDocsTests(app), IClassFixture<SqliteApp>;
public sealed class ApiDocsTestsOnPostgres(PostgresApp app) : ApiDocsTests(app), IClassFixture<PostgresApp>;
