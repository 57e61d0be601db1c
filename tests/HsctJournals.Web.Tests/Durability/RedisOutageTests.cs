using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.MultiNode;

namespace HsctJournals.Web.Tests.Durability;

/// <summary>
/// Redis going away under a several-node installation (docs/decisions/0064): it only holds copies and counters, so
/// readers, commenters and sign-ins go on without it (pages rendered from PostgreSQL, limits counted per node), and
/// when it comes back it never serves a page older than a write made while it was gone.
/// </summary>
[Collection(MultiNodeCollection.Name)] // starts processes of its own: one such class at a time
public sealed class RedisOutageTests
{
    private const int TokenRequestsPerWindow = 3;

    [Fact]
    public async Task Without_Redis_pages_comments_and_rate_limits_go_on_and_its_return_never_serves_a_page_older_than_a_write()
    {
        await using var database = new PostgresTestDatabase();
        await database.CreateAsync();
        await using var redis = RedisProcess.Start();
        await using var smtp = new TestSmtpServer();
        await using var app = await AppProcess.StartAsync(database, smtp.AppSettings.Concat(OpenPost.ScriptedCommentSettings).Concat(
        [
            new("Cache:Redis", redis.Configuration),
            new("Api:TokenRequestsPerWindow", TokenRequestsPerWindow.ToString()), new("Api:TokenWindowSeconds", "600"),
        ]));
        var postPath = await OpenPost.CreateAsync(app.BaseUrl, "Redis outage", "redis-outage");
        var reader = OpenPost.Client(app.BaseUrl);

        await reader.GetAsync(postPath);
        var cached = await reader.GetAsync(postPath);
        Assert.NotNull(cached.Headers.Age); // served from Redis

        // Redis goes away holding that copy of the page (it will come back with it, as from its snapshot).
        await redis.SaveAndStopAsync();

        var text = $"Written while Redis was away {Guid.NewGuid():N}";
        var posted = await OpenPost.CommentAsync(app.BaseUrl, postPath, text);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await reader.GetAsync(postPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Headers.Age); // rendered, not cached
        Assert.Contains(text, await page.Content.ReadAsStringAsync());

        // The token endpoint's limit still holds, counted by this node alone: wrong passwords get 401, then 429.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= TokenRequestsPerWindow; i++)
        {
            var response = await OpenPost.Client(app.BaseUrl).PostAsJsonAsync("/api/v1/tokens",
                new { Email = AppFactory.AdminEmail, Password = "not-the-password", Name = "guess" });
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses.Take(TokenRequestsPerWindow), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Redis returns with the page as it was before the comment. Until the node uses Redis again every page is
        // rendered; from then on it is served from Redis, and never once without the comment.
        redis.Restart();
        HttpResponseMessage? fromRedis = null;
        for (var attempt = 0; attempt < 600 && fromRedis is null; attempt++)
        {
            var again = await reader.GetAsync(postPath);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains(text, await again.Content.ReadAsStringAsync());
            if (again.Headers.Age is not null) fromRedis = again;
            else await Task.Delay(100);
        }
        Assert.True(fromRedis is not null, "The node did not use Redis again within a minute of its return.");
    }
}
