using System.Security.Cryptography;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.Net.Http.Headers;

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
        if (feed is null) return Results.NotFound();
        // Unlisted journals are readable by link but must stay out of search engines, feeds included.
        if (feed.Visibility != JournalVisibility.Public) http.Response.Headers["X-Robots-Tag"] = "noindex";
        http.ShareWithAnonymousReaders(feed.Visibility == JournalVisibility.Public, CacheTags.Journal(feed.JournalId), CacheTags.JournalLists(feed.JournalId));
        return await WriteAsync(http, feed, format);
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
        return await WriteAsync(http, feed, format);
    }

    /// <summary>Writes a feed with ETag and Last-Modified, answering 304 when the reader already has it. Also used by the comment feeds.</summary>
    internal static async Task<IResult> WriteAsync(HttpContext http, JournalFeed feed, FeedFormat format)
    {
        var request = http.Request;
        var origin = http.Site().Origin;
        var bytes = FeedWriter.Write(feed, format, origin, origin + request.Path);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(feed.Updated, DateTimeKind.Utc));

        // Only the ETag decides a 304: a deleted or hidden post changes the bytes but not the newest date,
        // so If-Modified-Since alone could keep a stale feed; such clients get the full feed instead.
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        http.Response.ContentType = FeedWriter.ContentType(format);
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        return Results.Empty;
    }
}
