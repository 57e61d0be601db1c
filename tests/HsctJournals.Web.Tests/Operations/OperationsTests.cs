using System.Net;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>Health, security headers and start-up validation, on each database.</summary>
public abstract class OperationsTests(AppFactory app)
{
    [Fact]
    public async Task Healthz_checks_the_database()
    {
        var response = await app.AnonymousClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search")]
    [InlineData("/no-such-page")]
    [InlineData("/Identity/Account/Login")]
    public async Task Every_page_carries_the_security_headers(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src"));
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_contain_no_inline_scripts()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, Web.Journals.JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "Scripts");
        var client = await app.SignedInClientAsync(owner);
        foreach (var path in new[] { "/", $"/j/{journal.Slug}", $"/j/{journal.Slug}/posts/{post.Slug}", $"/j/{journal.Slug}/write" })
        {
            var html = await client.GetStringAsync(path);
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attrs>[^>]*)>");
            Assert.All(scripts, s => Assert.Contains("src=", s.Groups["attrs"].Value));
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }
    }
}

public sealed class OperationsTestsOnSqlite(SqliteApp app) : OperationsTests(app), IClassFixture<SqliteApp>;
public sealed class OperationsTestsOnPostgres(PostgresApp app) : OperationsTests(app), IClassFixture<PostgresApp>;

/// <summary>Bad settings stop the app at start-up with a message that names the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider must be 'Sqlite' or 'Postgres'")]
    [InlineData("Admin:Email", "only-email@example.org", "Set both Admin:Email and Admin:Password")]
    [InlineData("Site:BaseUrl", "", "Site:BaseUrl is required")]
    [InlineData("Site:BaseUrl", "journals.example.org/path?x=1", "Site:BaseUrl must be an absolute http(s) address")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "not-an-address", "ForwardedHeaders: KnownProxies must be IP addresses")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "KnownNetworks CIDR ranges")]
    public void Invalid_settings_stop_the_app_with_a_clear_message(string key, string value, string message)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:SeedDemo", "false");
            b.UseSetting("ConnectionStrings:Journals", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db")}");
            b.UseSetting("Site:BaseUrl", "https://journals.example.org");
            b.UseSetting(key, value);
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        var all = error is OptionsValidationException ? error.Message : error.ToString();
        Assert.Contains(message, all);
    }
}
