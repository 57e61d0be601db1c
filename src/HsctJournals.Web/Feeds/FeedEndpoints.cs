using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared.Feeds;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Feeds;

/// <summary>
/// RSS and Atom endpoints. Plain URLs serve what an anonymous reader may read (Public and Unlisted journals);
/// secret URLs serve what the token's owner may read. Anything else is 404, exactly like a journal that does not exist.
/// </summary>
internal static class FeedEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (extension, format) in new[] { ("rss", FeedFormat.Rss), ("atom", FeedFormat.Atom) })
        {
            app.MapGet($"/j/{{journal}}/feed.{extension}", (string journal, HttpContext http, FeedQueries feeds, CancellationToken ct) =>
                PlainAsync(http, feeds, journal, null, format, ct));
            app.MapGet($"/j/{{journal}}/category/{{category}}/feed.{extension}",
                (string journal, string category, HttpContext http, FeedQueries feeds, CancellationToken ct) =>
                    PlainAsync(http, feeds, journal, category, format, ct));
            app.MapGet($"/feeds/{{token}}.{extension}", (string token, HttpContext http, FeedQueries feeds, SecretFeeds secrets, CancellationToken ct) =>
                SecretAsync(http, feeds, secrets, token, format, ct));
        }
    }

    private static async Task<IResult> PlainAsync(
        HttpContext http, FeedQueries feeds, string journal, string? category, FeedFormat format, CancellationToken ct)
    {
        var feed = await feeds.LoadAsync(Reader.Anonymous, journal, category, ct);
        return feed is null ? Results.NotFound() : await FeedResponses.AnonymousAsync(http, feed, format);
    }

    private static async Task<IResult> SecretAsync(
        HttpContext http, FeedQueries feeds, SecretFeeds secrets, string token, FeedFormat format, CancellationToken ct)
    {
        var found = await secrets.FindAsync(token, ct);
        if (found is null) return Results.NotFound();
        // As if the token's owner were reading now: a removed membership means no feed. Never as a site admin.
        var feed = await feeds.LoadAsync(new Reader(found.UserId, false), found.JournalId, ct);
        if (feed is null) return Results.NotFound();
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return await FeedResponses.WriteAsync(http, feed, format);
    }
}
