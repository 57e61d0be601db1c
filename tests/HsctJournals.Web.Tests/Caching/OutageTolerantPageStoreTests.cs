using HsctJournals.Web.Caching;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Notifications;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Caching;

/// <summary>
/// The page store of a several-node installation against a real Redis that goes away and comes back with what it
/// held (decision 0064). The whole-app behaviour is in <c>Durability/RedisOutageTests</c>; this is the bound on
/// what an outage remembers.
/// </summary>
public sealed class OutageTolerantPageStoreTests
{
    [Fact]
    public async Task Evictions_held_back_beyond_the_bound_become_one_that_empties_the_cache_when_Redis_returns()
    {
        await using var redis = RedisProcess.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Cache:Redis", redis.Configuration)]).Build();
        await using var provider = new ServiceCollection().AddLogging().AddPageCaching(configuration).BuildServiceProvider();
        var store = Assert.IsType<OutageTolerantPageStore>(provider.GetRequiredService<IOutputCacheStore>());
        var shared = provider.GetRequiredService<SharedRedis>();

        await store.SetAsync("page", "as it was"u8.ToArray(), [CacheTags.Post(1), CacheTags.Site], TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.NotNull(await store.GetAsync("page", CancellationToken.None));

        await redis.SaveAndStopAsync();
        await Eventually.TrueAsync(() => !shared.IsAvailable, "the connection to notice Redis is gone", seconds: 60);
        Assert.Null(await store.GetAsync("page", CancellationToken.None)); // a miss, not an exception
        // More writes than the bound, none of them to post 1: remembering every tag would leave its page behind.
        for (var post = 2; post <= OutageTolerantPageStore.MaxRememberedTags + 2; post++)
            await store.EvictByTagAsync(CacheTags.Post(post), CancellationToken.None);
        Assert.Equal(1, store.UnsentEvictions);

        redis.Restart(); // with the page, from its snapshot
        await Eventually.TrueAsync(() => shared.IsAvailable, "the connection to come back", seconds: 60);
        Assert.Null(await store.GetAsync("page", CancellationToken.None));
        Assert.Equal(0, store.UnsentEvictions);

        await store.SetAsync("page", "as it is"u8.ToArray(), [CacheTags.Post(1), CacheTags.Site], TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal("as it is"u8.ToArray(), await store.GetAsync("page", CancellationToken.None));
    }
}
