using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Tests.Infrastructure;
using Npgsql;

namespace HsctJournals.Web.Tests.MultiNode;

/// <summary>
/// The several-node deployment, for real: one PostgreSQL database, one Redis, two app processes on loopback and
/// nginx balancing between them. The admin (seeded) owns a public journal with one post, written through nginx;
/// its comments appear at once and each one is mailed to the owner.
/// </summary>
public sealed partial class TwoNodes : IAsyncLifetime
{
    public const int TokenRequestsPerWindow = 4;
    private readonly PostgresTestDatabase _database = new();
    private RedisProcess? _redis;
    public TestSmtpServer Smtp { get; } = new();
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public NginxProcess Balancer { get; private set; } = null!;
    public string PostPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
        _redis = RedisProcess.Start();
        var settings = Smtp.AppSettings.Concat(
        [
            new("Cache:Redis", _redis.Configuration),
            new("Comments:MinimumFillSeconds", "0"), // every comment here is posted by a script, on purpose
            new("Comments:MaxPerIp", "100000"), new("Comments:MaxPerEmail", "100000"),
            new("Api:TokenRequestsPerWindow", TokenRequestsPerWindow.ToString()), new("Api:TokenWindowSeconds", "600"),
            new("Notifications:PollSeconds", "0.5"),
        ]).ToList();
        A = await AppProcess.StartAsync(_database, settings); // migrates
        B = await AppProcess.StartAsync(_database, settings);
        Balancer = await NginxProcess.StartAsync([A.BaseUrl, B.BaseUrl]);

        var admin = Client(Balancer.BaseUrl);
        var login = await Forms.GetAsync(admin, "/Identity/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, (await login.PostAsync(admin, new() { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.Password })).StatusCode);
        var journal = await Forms.GetAsync(admin, "/journals/new");
        Assert.Equal(HttpStatusCode.Redirect, (await journal.PostAsync(admin, new() { ["Input.Title"] = "Two nodes", ["Input.Visibility"] = "Public" })).StatusCode);
        var comments = await Forms.GetAsync(admin, "/j/two-nodes/settings/comments");
        Assert.Equal(HttpStatusCode.Redirect, (await comments.PostAsync(admin, new()
        {
            ["Input.WhoMayComment"] = "Anyone", ["Input.Hold"] = "Never", ["Input.MaxLinksBeforeHold"] = "2", ["Input.ThreadDepth"] = "5",
            ["Input.OwnerNotification"] = "EveryComment",
        })).StatusCode);
        var write = await Forms.GetAsync(admin, "/j/two-nodes/write");
        var saved = await write.PostAsync(admin, new() { ["Input.Title"] = "Read everywhere", ["Input.Markdown"] = "Served by two nodes.", ["Input.Status"] = "Published" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        PostPath = saved.Headers.Location!.OriginalString;
    }

    /// <summary>A browser-like client (own cookies, no redirects followed) for one base address.</summary>
    public static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

    /// <summary>
    /// Posts an anonymous comment through the form on the post page (read from <paramref name="baseUrl"/>) and
    /// returns the response: 302 to the comment's anchor when it was stored.
    /// </summary>
    public async Task<HttpResponseMessage> CommentAsync(string baseUrl, string text, string name = "Node reader")
    {
        var client = Client(baseUrl);
        var page = await client.GetStringAsync(PostPath);
        var rendered = RenderedField().Match(page).Groups[1].Value;
        return await client.PostAsync(PostPath + "?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = text, ["Input.AuthorName"] = name, ["Input.AuthorEmail"] = $"{Guid.NewGuid():N}"[..10] + "@readers.test",
            ["Input.Rendered"] = WebUtility.HtmlDecode(rendered),
        }));
    }

    /// <summary>The id in a comment's redirect (…#comment-42).</summary>
    public static int CommentId(HttpResponseMessage response) =>
        int.Parse(CommentAnchor().Match(response.Headers.Location!.OriginalString).Groups[1].Value);

    /// <summary>How many of these comment ids are stored, read straight from PostgreSQL.</summary>
    public async Task<long> StoredAsync(IReadOnlyCollection<int> ids)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"Comments\" WHERE \"Id\" = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (Balancer is not null) await Balancer.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        await Smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [GeneratedRegex("name=\"Input.Rendered\" value=\"([^\"]+)\"")]
    private static partial Regex RenderedField();

    [GeneratedRegex(@"#comment-(\d+)")]
    private static partial Regex CommentAnchor();
}

/// <summary>The two-node tests start processes: they run one class at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiNodeCollection
{
    public const string Name = "Multi-node";
}
