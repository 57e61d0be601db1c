using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Tests.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Security;

/// <summary>
/// Issue 8, fix 5: sign-in, token and registration answers are the same, and cost the same password work, whether or
/// not the address has an account. The time a password hash takes is the timing signal an attacker measures (it was
/// ~20× between existing and unknown addresses); tests never time anything, so they count key-stretching operations
/// through the real hasher instead.
/// </summary>
public abstract class EnumerationTests(AppFactory app)
{
    /// <summary>Identity's own hasher, counting how often it hashes or verifies.</summary>
    private sealed class CountingHasher(HashCount count) : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new();
        public string HashPassword(AppUser user, string password) { Interlocked.Increment(ref count.Value); return _real.HashPassword(user, password); }
        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref count.Value);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class HashCount { public int Value; }

    private WebApplicationFactory<Program> Site(HashCount count) => app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
    {
        s.AddSingleton(count);
        s.AddScoped<IPasswordHasher<AppUser>, CountingHasher>();
    }));

    private static HttpClient Client(WebApplicationFactory<Program> site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<(int Hashes, string Page)> CountAsync(HashCount count, Func<Task<HttpResponseMessage>> send)
    {
        var before = count.Value;
        var response = await send();
        // Per-request values (antiforgery token, ProblemDetails trace id) differ on every answer anyway.
        var page = System.Text.RegularExpressions.Regex.Replace(Html.WithoutTokens(await response.Content.ReadAsStringAsync()), "\"traceId\":\"[^\"]*\"", "");
        return (count.Value - before, $"{(int)response.StatusCode} {response.Headers.Location} {page}");
    }

    [Fact]
    public async Task Sign_in_and_token_answers_cost_one_password_check_and_read_the_same_for_known_and_unknown_addresses()
    {
        var user = await app.CreateUserAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}"[..15] + "@tests.invalid";
        var count = new HashCount();
        using var site = Site(count);
        var client = Client(site);
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        Task<HttpResponseMessage> Login(string email) => form.PostAsync(client, new() { ["Input.Email"] = email, ["Input.Password"] = "Wrong-password-123" });
        Task<HttpResponseMessage> Token(string email) => client.PostAsJsonAsync("/api/v1/tokens", new { email, password = "Wrong-password-123", name = "x" });
        await Login(unknown); // the decoy hash is made once per process

        var known = await CountAsync(count, () => Login(user.Email!));
        var missing = await CountAsync(count, () => Login(unknown));
        Assert.Equal((1, known.Page.Replace(user.Email!, "ADDRESS", StringComparison.Ordinal)),
            (missing.Hashes, missing.Page.Replace(unknown, "ADDRESS", StringComparison.Ordinal)));
        Assert.Equal(1, known.Hashes);

        known = await CountAsync(count, () => Token(user.Email!));
        missing = await CountAsync(count, () => Token(unknown));
        Assert.Equal((1, known.Page), (missing.Hashes, missing.Page));
        Assert.StartsWith("401", known.Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_taken_address_costs_the_same_password_work_as_a_free_one()
    {
        var user = await app.CreateUserAsync();
        var count = new HashCount();
        using var site = Site(count);
        var client = Client(site);
        var form = await Forms.GetAsync(client, "/Identity/Account/Register");
        Task<HttpResponseMessage> Register(string email) => form.PostAsync(client, new()
        {
            ["Input.DisplayName"] = "Same Name", ["Input.Email"] = email, ["Input.Password"] = "A-long-passphrase-1", ["Input.ConfirmPassword"] = "A-long-passphrase-1",
        });
        await Register($"warm-{Guid.NewGuid():N}"[..13] + "@tests.invalid");
        await Register(user.Email!); // the decoy hash is made once per process

        var taken = await CountAsync(count, () => Register(user.Email!));
        var free = await CountAsync(count, () => Register($"free-{Guid.NewGuid():N}"[..13] + "@tests.invalid"));
        Assert.Equal((1, free.Page), (taken.Hashes, taken.Page));
        Assert.Equal(1, free.Hashes);
        Assert.StartsWith("302 /Identity/Account/RegisterConfirmation", free.Page, StringComparison.Ordinal);
    }
}

public sealed class EnumerationTestsOnSqlite(SqliteApp app) : EnumerationTests(app), IClassFixture<SqliteApp>;
public sealed class EnumerationTestsOnPostgres(PostgresApp app) : EnumerationTests(app), IClassFixture<PostgresApp>;
