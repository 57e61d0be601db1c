using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace HsctJournals.Web.Tests.Security;

/// <summary>
/// Issue 8, fix 4: a seeded fuzz run over every form the site shows a signed-in owner and an
/// anonymous visitor, unknown handlers, odd query strings, and every operation of the OpenAPI
/// document. Whatever comes back, it must not be a 5xx. The seed is fixed, so a failure repeats.
/// </summary>
public abstract partial class FuzzTests(FuzzApp app, ITestOutputHelper output)
{
    private const int Seed = 20_261_126;
    /// <summary>Variants per form and per API operation; with ~45 forms and ~25 operations this is a few thousand requests.</summary>
    private const int VariantsPerForm = 50;
    private const int VariantsPerOperation = 50;

    private readonly List<string> _failures = [];
    private int _requests;

    [Fact]
    public async Task Nothing_a_client_sends_to_a_form_a_page_or_the_api_produces_a_server_error()
    {
        var fuzz = new FuzzInputs(Seed);
        var owner = await app.CreateUserAsync("Fuzz Owner");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var closed = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        var post = await app.CreatePostAsync(journal, owner, "Fuzzed post", "Text with {{chart: neutrophils}}.", category: "Updates", tags: "day-zero");
        var ownerClient = await app.SignedInClientAsync(owner);
        var anonymous = app.AnonymousClient();
        var token = await app.TokenForAsync(owner);

        var ownerPages = new[]
        {
            "/", "/me", "/search?q=day", "/journals/new", "/account/profile", "/account/tokens",
            $"/j/{journal.Slug}", $"/j/{journal.Slug}/posts/{post.Slug}", $"/j/{journal.Slug}/write", $"/j/{journal.Slug}/settings",
            $"/j/{journal.Slug}/settings/comments", $"/j/{journal.Slug}/members", $"/j/{journal.Slug}/manage", $"/j/{journal.Slug}/comments",
            $"/j/{journal.Slug}/feeds", $"/j/{journal.Slug}/posts/{post.Slug}/edit", $"/j/{journal.Slug}/posts/{post.Slug}/revisions",
            $"/j/{journal.Slug}/treatment", $"/j/{journal.Slug}/treatment/edit", $"/j/{journal.Slug}/treatment/events",
            $"/j/{journal.Slug}/treatment/labs", $"/j/{journal.Slug}/treatment/sharing", $"/j/{closed.Slug}/members",
            "/account/email", "/account/password", "/account/passkeys",
        };
        var anonymousPages = new[]
        {
            "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword",
            "/Identity/Account/ResendEmailConfirmation", $"/j/{journal.Slug}/posts/{post.Slug}", $"/j/{journal.Slug}/follow",
            "/Identity/Account/ResetPassword?code=abcd&userId=nobody", "/Identity/Account/ConfirmEmailChange?userId=nobody&email=a%40example.org&code=abcd",
        };

        foreach (var page in ownerPages) await FuzzFormsAsync(ownerClient, page, fuzz);
        foreach (var page in anonymousPages) await FuzzFormsAsync(anonymous, page, fuzz);
        // A member who is signed in but does not own the journal, on the owner's pages.
        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());
        foreach (var page in ownerPages.Take(12)) await FuzzFormsAsync(stranger, page, fuzz, variants: 3);
        await FuzzApiAsync(token, journal.Slug, post.Slug, fuzz);
        // The admin's screens last: their forms change site settings and lock accounts, which the rounds above must not meet.
        var admin = await app.SignedInClientAsync(AppFactory.AdminEmail, AppFactory.Password);
        foreach (var page in Admin.SiteAdministrationTests.AdminPaths) await FuzzFormsAsync(admin, page, fuzz, variants: 10);
        // The confirm step of deleting someone: junk never matches the typed-again address, so the person stays.
        var victim = await app.CreateUserAsync("Fuzz Victim");
        await app.CreateJournalAsync(victim, JournalVisibility.Private);
        await FuzzFormsAsync(admin, $"/admin/people/delete?id={victim.Id}", fuzz, variants: 30);

        output.WriteLine($"{_requests} requests, seed {Seed}, {_failures.Count} server errors.");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_requests} requests answered 5xx (seed {Seed}):\n" + string.Join("\n", _failures.Take(25)));
        Assert.True(_requests > 2000, $"Only {_requests} requests were made; the fuzz run lost its reach.");
    }

    private async Task FuzzFormsAsync(HttpClient client, string page, FuzzInputs fuzz, int variants = VariantsPerForm)
    {
        var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, page));
        if (response is null || response.StatusCode != HttpStatusCode.OK) return;
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenField().Match(html) is { Success: true } t ? t.Groups[1].Value : "";

        // Unknown handlers, a POST where none is expected, junk in the query.
        await SendAsync(client, Form(page + "?handler=" + fuzz.Handler(), token, []));
        await SendAsync(client, Form(page, token, []));
        await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, page + (page.Contains('?') ? "&" : "?") + "q=" + fuzz.FormValue() + "&page=" + fuzz.FormValue()));

        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = form.Groups["attrs"].Value;
            if (!attributes.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase)) continue;
            var action = ActionAttribute().Match(attributes) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : page;
            // Leave the fixture's own session, journal and post in place for the rest of the run.
            // (The admin's delete-a-person form is fuzzed on purpose: it deletes only after the person's address is typed again.)
            if (action.Contains("Logout", StringComparison.OrdinalIgnoreCase)
                || (action.Contains("/delete", StringComparison.OrdinalIgnoreCase) && !action.StartsWith("/admin/people/delete", StringComparison.Ordinal))
                || action.Contains("handler=Delete", StringComparison.OrdinalIgnoreCase)) continue;
            var names = FieldName().Matches(form.Groups["body"].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
            var handlers = FormAction().Matches(form.Groups["body"].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            for (var i = 0; i < variants; i++)
            {
                var target = handlers.Count > 0 && fuzz.Next(2) == 0 ? fuzz.Pick(handlers) : action;
                if (target.Contains("handler=Delete", StringComparison.OrdinalIgnoreCase)) target = action;
                var fields = names.Where(_ => fuzz.Next(6) != 0).Select(n => (n, fuzz.FormValue())).ToList();
                if (fuzz.Next(8) == 0) fields.Add((fuzz.Pick(names.DefaultIfEmpty("x").ToList()), fuzz.FormValue()));
                await SendAsync(client, Form(target, token, fields));
            }
        }
    }

    private static HttpRequestMessage Form(string url, string token, IEnumerable<(string Name, string EncodedValue)> fields)
    {
        var body = new StringBuilder("__RequestVerificationToken=").Append(Uri.EscapeDataString(token));
        foreach (var (name, value) in fields) body.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(value);
        return new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToString(), Encoding.Latin1, "application/x-www-form-urlencoded"),
        };
    }

    private async Task FuzzApiAsync(string token, string journal, string post, FuzzInputs fuzz)
    {
        var client = app.ApiClient(token);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = new List<(string Method, string Path, List<string> Properties, List<string> Query)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                operations.Add((operation.Name.ToUpperInvariant(), path.Name, BodyProperties(document.RootElement, operation.Value), query));
            }
        Assert.True(operations.Count >= 15, $"The OpenAPI document lists only {operations.Count} operations.");

        foreach (var (method, template, properties, query) in operations)
        {
            for (var i = 0; i < VariantsPerOperation; i++)
            {
                // Real names most of the time (so handlers run), fuzz otherwise; never delete the fixture's own post.
                var real = method != "DELETE" && fuzz.Next(4) != 0;
                var url = PathParameter().Replace(template, m => m.Groups[1].Value switch
                {
                    "journal" when real => journal,
                    "post" when real => post,
                    _ => fuzz.PathSegment(),
                });
                if (query.Count > 0) url += "?" + string.Join("&", query.Select(q => q + "=" + fuzz.FormValue()));
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    var body = url.EndsWith("/labs", StringComparison.Ordinal) && fuzz.Next(2) == 0
                        ? "date,analyte,value,unit\n2026-01-0\u0000,neutrophils,\uFFFE,10^9/L\n" + fuzz.Pick(["", "x,y", "\0,\0,\0,\0"])
                        : fuzz.JsonBody(properties);
                    var type = fuzz.Next(10) == 0 ? "text/plain" : url.EndsWith("/labs", StringComparison.Ordinal) && body.StartsWith("date") ? "text/csv" : "application/json";
                    request.Content = new StringContent(body, Encoding.UTF8);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(type) { CharSet = "utf-8" };
                }
                await SendAsync(client, request);
            }
        }
    }

    private static List<string> BodyProperties(JsonElement root, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)) return [];
        foreach (var media in content.EnumerateObject())
        {
            if (!media.Value.TryGetProperty("schema", out var schema)) continue;
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/').Last();
                if (root.GetProperty("components").GetProperty("schemas").TryGetProperty(name, out var resolved)) schema = resolved;
            }
            if (schema.TryGetProperty("properties", out var properties)) return properties.EnumerateObject().Select(p => p.Name).ToList();
        }
        return [];
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        _requests++;
        var description = $"{request.Method} {request.RequestUri}";
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
        try
        {
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
                _failures.Add($"{(int)response.StatusCode} {description} {Shorten(body)}");
            return response;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The in-memory test server surfaces an exception the app let escape as a thrown exception.
            _failures.Add($"threw {e.GetType().Name}: {Shorten(e.Message)} — {description} {Shorten(body)}");
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
    [GeneratedRegex("<form(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();
    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex ActionAttribute();
    [GeneratedRegex("<(?:input|textarea|select)[^>]*\\sname=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FieldName();
    [GeneratedRegex("formaction=\"([^\"]+)\"")]
    private static partial Regex FormAction();
    [GeneratedRegex("\\{([a-zA-Z]+)(?::[^}]*)?\\}")]
    private static partial Regex PathParameter();
}

/// <summary>The app with comment limits that would otherwise turn most fuzzed comments into 429s before they reach the rules.</summary>
public abstract class FuzzApp(ITestDatabase database) : AppFactory(database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Comments:MinimumFillSeconds", "0");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Antiforgery", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Comments:MaxPerIp", "100000");
        builder.UseSetting("Comments:MaxPerEmail", "100000");
    }
}

public sealed class FuzzSqliteApp() : FuzzApp(new SqliteTestDatabase());
public sealed class FuzzPostgresApp() : FuzzApp(new PostgresTestDatabase());

public sealed class FuzzTestsOnSqlite(FuzzSqliteApp app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<FuzzSqliteApp>;
public sealed class FuzzTestsOnPostgres(FuzzPostgresApp app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<FuzzPostgresApp>;
