using System.Collections.Concurrent;
using System.Net;

namespace HsctJournals.Web.Tests.MultiNode;

/// <summary>Node A dies (kill -9) in the middle of a stream of comments: node B goes on serving, and no acknowledged comment is lost.</summary>
[Collection(MultiNodeCollection.Name)]
public sealed class NodeFailureTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Killing_node_A_mid_load_leaves_B_serving_and_every_acknowledged_comment_stored()
    {
        var acknowledged = new ConcurrentBag<int>();
        var failures = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WriterAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await nodes.CommentAsync(nodes.Balancer.BaseUrl, $"Under load {writer}/{i}");
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add(TwoNodes.CommentId(response));
                        if (acknowledged.Count >= 10) firstAcknowledged.TrySetResult();
                    }
                    else failures.Add(response.StatusCode); // e.g. 502 for a request node A never answered: not acknowledged
                }
                catch (HttpRequestException) { }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(WriterAsync).ToList();
        await firstAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await nodes.A.KillAsync();
        var atKill = acknowledged.Count;
        // Keep writing until node B alone has acknowledged a good number more.
        for (var wait = 0; wait < 600 && acknowledged.Count < atKill + 20; wait++) await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(acknowledged.Count >= atKill + 20, $"Node B stopped acknowledging after the kill ({acknowledged.Count} after {atKill}).");
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await TwoNodes.Client(nodes.Balancer.BaseUrl).GetAsync(nodes.PostPath)).StatusCode);
        Assert.Equal(acknowledged.Count, await nodes.StoredAsync(acknowledged.ToArray()));
    }
}
