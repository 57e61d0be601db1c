using System.Net;
using System.Net.Http.Json;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.MultiNode;

/// <summary>
/// Two app processes on one PostgreSQL and one Redis behind nginx (design: Scale): nothing a reader or writer
/// sees depends on which node answers.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class MultiNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_comment_posted_through_node_A_is_on_the_page_node_B_serves_at_once()
    {
        // Each node asked directly, under the one public name nginx passes on (the cache key includes the host).
        async Task<HttpResponseMessage> ReadAsync(AppProcess node)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, nodes.PostPath);
            request.Headers.Host = new Uri(nodes.Balancer.BaseUrl).Authority;
            return await TwoNodes.Client(node.BaseUrl).SendAsync(request);
        }
        var fromB = await ReadAsync(nodes.B);
        var fromA = await ReadAsync(nodes.A);
        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
        Assert.Equal(fromB.Headers.ETag, fromA.Headers.ETag); // one copy, stored in Redis, served by both

        var text = $"Posted on A, read on B {Guid.NewGuid():N}";
        var posted = await nodes.CommentAsync(nodes.A.BaseUrl, text);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var afterB = await ReadAsync(nodes.B);
        Assert.NotEqual(fromB.Headers.ETag, afterB.Headers.ETag);
        Assert.Contains(text, await afterB.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_token_rate_limit_counts_requests_on_both_nodes_together()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= TwoNodes.TokenRequestsPerWindow; i++)
        {
            var node = i % 2 == 0 ? nodes.A : nodes.B; // alternate: each node alone sees at most half the limit
            var response = await TwoNodes.Client(node.BaseUrl).PostAsJsonAsync("/api/v1/tokens",
                new { Email = AppFactory.AdminEmail, Password = "not-the-password", Name = "guess" });
            statuses.Add(response.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(TwoNodes.TokenRequestsPerWindow));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_signed_in_session_works_on_either_node()
    {
        var cookies = new CookieContainer(); // cookies for 127.0.0.1 go to every port, as to every node behind one name
        HttpClient On(AppProcess node) => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(node.BaseUrl) };
        var onA = On(nodes.A);
        var login = await Forms.GetAsync(onA, "/Identity/Account/Login");
        var signedIn = await login.PostAsync(onA, new() { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var me = await On(node).GetAsync("/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Contains("Two nodes", await me.Content.ReadAsStringAsync());
        }
        // A form rendered by one node is accepted by the other: antiforgery keys are shared through the database.
        var form = await Forms.GetAsync(On(nodes.B), "/account/profile");
        Assert.Contains("__RequestVerificationToken", form.Html);
    }

    [Fact]
    public async Task The_outbox_sends_each_mail_exactly_once_with_both_nodes_running()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var texts = Enumerable.Range(0, 6).Select(i => $"Mail once {marker} #{i}").ToList();
        for (var i = 0; i < texts.Count; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await nodes.CommentAsync(i % 2 == 0 ? nodes.A.BaseUrl : nodes.B.BaseUrl, texts[i])).StatusCode);

        List<string> Delivered() => nodes.Smtp.Messages
            .Select(m => (m.TextBody ?? "") + (m.HtmlBody ?? ""))
            .SelectMany(body => texts.Where(body.Contains)).ToList();
        for (var wait = 0; wait < 300 && Delivered().Count < texts.Count; wait++) await Task.Delay(100);
        // Both nodes keep polling for a while longer: a second delivery would show up now.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var delivered = Delivered();
        Assert.Equal(texts.Order(), delivered.Order());
    }
}
