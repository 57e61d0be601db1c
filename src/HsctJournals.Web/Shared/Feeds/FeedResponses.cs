using System.Security.Cryptography;
using HsctJournals.Web.Caching;
using Microsoft.Net.Http.Headers;

namespace HsctJournals.Web.Shared.Feeds;

/// <summary>
/// Sends a <see cref="JournalFeed"/> as a response. Shared by the post feeds (Feeds) and the comment feeds (Comments),
/// so both answer conditional requests and tell robots and caches the same thing.
/// </summary>
public static class FeedResponses
{
    /// <summary>
    /// A feed at a plain (not secret) address, built as an anonymous reader: kept out of search engines unless the
    /// journal is public, and shared with the other anonymous readers through the output cache.
    /// </summary>
    public static Task<IResult> AnonymousAsync(HttpContext http, JournalFeed feed, FeedFormat format)
    {
        // Unlisted journals are readable by link but must stay out of search engines, feeds included.
        if (!feed.IsPublic) http.Response.Headers["X-Robots-Tag"] = "noindex";
        http.ShareWithAnonymousReaders(feed.IsPublic, CacheTags.Journal(feed.JournalId), CacheTags.JournalLists(feed.JournalId));
        return WriteAsync(http, feed, format);
    }

    /// <summary>Writes a feed with ETag and Last-Modified, answering 304 when the reader already has it.</summary>
    public static async Task<IResult> WriteAsync(HttpContext http, JournalFeed feed, FeedFormat format)
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
