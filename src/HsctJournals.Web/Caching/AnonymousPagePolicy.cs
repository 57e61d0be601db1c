using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Caching;

/// <summary>
/// The one output-cache policy: anonymous requests may be answered from the cache; a response is stored only
/// when its page marked itself shareable (<see cref="CacheablePage"/>), answered 200 and set no cookie.
/// Conditional requests (If-None-Match, If-Modified-Since) on a cached page get 304 from the middleware.
/// </summary>
public sealed class AnonymousPagePolicy(IOptions<PageCacheOptions> options) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var anonymous = AnonymousRequest.Is(context.HttpContext.Request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true; // a burst of readers after an eviction renders the page once
        context.ResponseExpirationTimeSpan = options.Value.Expiry;
        context.Tags.Add(CacheTags.Site);
        context.CacheVaryByRules.QueryKeys = "*"; // comment pages (?cpage=2) and replies (?replyto=) are different pages
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (!CacheablePage.IsShared(context.HttpContext)
            || response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
