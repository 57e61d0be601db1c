using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Caching;

/// <summary>
/// The one output-cache policy: anonymous requests may be answered from the cache; a response is stored only
/// when its page marked itself shareable (<see cref="CacheablePage"/>), answered 200 and set no cookie.
/// Conditional requests (If-None-Match, If-Modified-Since) on a cached page get 304 from the middleware.
/// A browser with only a commenter's secret is answered from the cache too while none of its comments is shown to it
/// apart (one indexed lookup, <see cref="ISharedPageCookieCheck"/>); what it renders itself is never stored.
/// </summary>
public sealed class AnonymousPagePolicy(IOptions<PageCacheOptions> options) : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var reader = AnonymousRequest.Classify(http.Request);
        var anonymous = reader == PageReader.Anonymous;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous || (reader == PageReader.CommenterSecretOnly
            && http.RequestServices.GetService<ISharedPageCookieCheck>() is { } check
            && await check.SeesSharedPagesAsync(http.Request, cancellation));
        context.AllowCacheStorage = anonymous;
        // A burst of anonymous readers after an eviction renders the page once. Only they wait on one another: a
        // commenter's own rendering is never stored, so nobody should wait for it.
        context.AllowLocking = anonymous;
        context.ResponseExpirationTimeSpan = options.Value.Expiry;
        context.Tags.Add(CacheTags.Site);
        context.CacheVaryByRules.QueryKeys = "*"; // comment pages (?cpage=2) and replies (?replyto=) are different pages
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
