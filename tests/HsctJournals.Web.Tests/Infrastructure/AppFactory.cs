using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database (one fresh database per test class). Tests build their own
/// data through the app's own services and sign in through real Identity; the demo seed is off.
/// </summary>
public abstract class AppFactory(ITestDatabase database) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@tests.invalid";
    public const string Password = "Test-password-123";
    /// <summary>The <c>Site:BaseUrl</c> every test app runs with unless a fixture sets another.</summary>
    public const string SiteBaseUrl = "http://localhost";
    public ITestDatabase Database { get; } = database;
    public string Provider => Database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Journals", Database.ConnectionString);
        builder.UseSetting("Database:SeedDemo", "false");
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", Password);
        builder.UseSetting("Site:BaseUrl", SiteBaseUrl);
        // The test client calls the app as "localhost", browser tests as 127.0.0.1; a fixture may move BaseUrl elsewhere.
        builder.UseSetting("Site:ExtraHosts:0", "localhost");
        builder.UseSetting("Site:ExtraHosts:1", "127.0.0.1");
        // Fixtures sign many people in from one test address; LoginRateLimitTests lowers it again.
        builder.UseSetting("LoginLimit:AttemptsPerWindow", "100000");
        builder.UseSetting("LoginLimit:AccountAttemptsPerWindow", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Database.CreateAsync();
        _ = Services; // starts the host: migrations run here
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Where test clients send requests; https for a fixture whose cookies are Secure.</summary>
    protected virtual Uri ClientBaseAddress => new("http://localhost");

    /// <summary>Runs <paramref name="work"/> with a fresh DI scope (its own DbContext).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>A confirmed user with a unique e-mail address.</summary>
    public Task<AppUser> CreateUserAsync(string? name = null) => WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var id = Guid.NewGuid().ToString("N")[..8];
        var user = new AppUser { UserName = $"user-{id}@tests.invalid", Email = $"user-{id}@tests.invalid", EmailConfirmed = true, DisplayName = name ?? $"User {id}", CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    });

    public Task<Journal> CreateJournalAsync(AppUser owner, JournalVisibility visibility, string? title = null) => WithScopeAsync(async sp =>
    {
        var editor = sp.GetRequiredService<JournalEditor>();
        var result = await editor.CreateAsync(owner.Id, new JournalInput { Title = title ?? $"Journal {Guid.NewGuid():N}"[..20], Visibility = visibility });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return result.Value!;
    });

    public Task<Post> CreatePostAsync(Journal journal, AppUser author, string title, string markdown = "Some text.",
        PostStatus status = PostStatus.Published, DateTime? publishAtUtc = null, string? category = null, string? tags = null) =>
        WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PostEditor>();
            var result = await editor.CreateAsync(journal, author.Id, new PostInput
            {
                Title = title, Markdown = markdown, Status = status, PublishAt = publishAtUtc, NewCategory = category, Tags = tags,
            }, TimeZoneInfo.Utc);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            return result.Value!;
        });

    public Task AddMemberAsync(Journal journal, AppUser user, JournalRole role) => WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        db.JournalMembers.Add(new JournalMember { JournalId = journal.Id, UserId = user.Id, Role = role, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });

    /// <summary>An HTTP client signed in as <paramref name="user"/> through the real login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(AppUser user) => await SignedInClientAsync(user.Email!, Password);

    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientBaseAddress });
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        var response = await form.PostAsync(client, new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.RememberMe"] = "false" });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Sign-in failed for {email}: {response.StatusCode}");
        return client;
    }

    /// <summary>An anonymous client that does not follow redirects.</summary>
    public HttpClient AnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientBaseAddress });
}

public sealed class SqliteApp() : AppFactory(new SqliteTestDatabase());
public sealed class PostgresApp() : AppFactory(new PostgresTestDatabase());
