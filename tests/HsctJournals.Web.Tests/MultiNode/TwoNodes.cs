using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.MultiNode;

/// <summary>
/// The several-node deployment, for real: one PostgreSQL database, one Redis, two app processes on loopback and
/// nginx balancing between them. The admin (seeded) owns a public journal with one post, written through nginx;
/// its comments appear at once and each one is mailed to the owner.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
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
        var settings = Smtp.AppSettings.Concat(OpenPost.ScriptedCommentSettings).Concat(
        [
            new("Cache:Redis", _redis.Configuration),
            new("Api:TokenRequestsPerWindow", TokenRequestsPerWindow.ToString()), new("Api:TokenWindowSeconds", "600"),
            new("Notifications:PollSeconds", "0.5"),
        ]).ToList();
        A = await AppProcess.StartAsync(_database, settings); // migrates
        B = await AppProcess.StartAsync(_database, settings);
        Balancer = await NginxProcess.StartAsync([A.BaseUrl, B.BaseUrl]);
        PostPath = await OpenPost.CreateAsync(Balancer.BaseUrl, "Two nodes", "two-nodes");
    }

    /// <summary>A browser-like client (own cookies, no redirects followed) for one base address.</summary>
    public static HttpClient Client(string baseUrl) => OpenPost.Client(baseUrl);

    /// <summary>Posts an anonymous comment on the post through the page served at <paramref name="baseUrl"/>: 302 when stored.</summary>
    public Task<HttpResponseMessage> CommentAsync(string baseUrl, string text, string name = "Node reader") =>
        OpenPost.CommentAsync(baseUrl, PostPath, text, name);

    /// <summary>The id in a comment's redirect (…#comment-42).</summary>
    public static int CommentId(HttpResponseMessage response) => OpenPost.CommentId(response);

    /// <summary>How many of these comment ids are stored, read straight from PostgreSQL.</summary>
    public Task<long> StoredAsync(IReadOnlyCollection<int> ids) => OpenPost.StoredAsync(_database.ConnectionString, ids);

    public async Task DisposeAsync()
    {
        if (Balancer is not null) await Balancer.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        await Smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The two-node tests start processes: they run one class at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiNodeCollection
{
    public const string Name = "Multi-node";
}
