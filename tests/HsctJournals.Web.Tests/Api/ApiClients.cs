using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Api;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Api;

/// <summary>HTTP clients for the JSON API. Each gets its own client address, so rate limits never leak between tests.</summary>
public static class ApiClients
{
    private static int _next;

    /// <summary>A client with its own (documentation-range, never contacted) address and, optionally, a bearer token.</summary>
    public static HttpClient ApiClient(this AppFactory app, string? token = null)
    {
        var address = IPAddress.Parse($"2001:db8::{Interlocked.Increment(ref _next):x}");
        var client = new HttpClient(app.Server.CreateHandler(http => http.Connection.RemoteIpAddress = address))
        {
            BaseAddress = new Uri("http://localhost"),
        };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A token for <paramref name="user"/>, made through the app's own service (not rate-limited).</summary>
    public static Task<string> TokenForAsync(this AppFactory app, AppUser user, string name = "Tests") =>
        app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<ApiTokens>().CreateAsync(user.Id, name);
            Assert.True(result.Succeeded);
            return result.Value!.Secret;
        });

    /// <summary>The body as JSON, after checking the status code (the body is in the failure message).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Checks a ProblemDetails answer and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
