using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace HsctJournals.Web.Caching;

/// <summary>
/// How a page says "what I just rendered is what every anonymous reader gets": it names its tags and whether
/// it may be cached by anyone on the way (a public journal) or only by the reader's browser (unlisted).
/// Pages that never call this are never stored and answer <c>private, no-cache</c>.
/// </summary>
public static class CacheablePage
{
    private static readonly object Marker = new();

    /// <summary>
    /// Marks this response as shared by every anonymous reader, with the tags that evict it. Does nothing for a
    /// reader with credentials or page-changing cookies: their page is theirs alone.
    /// </summary>
    /// <param name="http">The request being answered.</param>
    /// <param name="publicContent">True only for content of a public journal (or the site's own lists of them): proxies and CDNs may then keep it.</param>
    /// <param name="tags">The <see cref="CacheTags"/> whose eviction must drop this response.</param>
    public static void ShareWithAnonymousReaders(this HttpContext http, bool publicContent, params string[] tags)
    {
        if (!Mark(http, tags)) return;

        var headers = http.Response.Headers;
        // no-cache: keep it but ask us each time; the answer is a cheap 304 from our cache until a write evicts it.
        headers.CacheControl = publicContent ? "public, no-cache" : "private, no-cache";
        // A new validator per rendering: a cached copy keeps it until evicted, every node shares it through Redis.
        headers.ETag = $"\"{Base64UrlEncode(RandomNumberGenerator.GetBytes(12))}\"";
        headers.LastModified = HeaderUtilities.FormatDate(DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// Marks a response that is the same for everyone and never changes for its URL (a photo variant named by its
    /// hash): stored like a page, but with the caching headers and validator the response already set.
    /// </summary>
    public static void ShareImmutableWithAnonymousReaders(this HttpContext http, params string[] tags) => Mark(http, tags);

    private static bool Mark(HttpContext http, string[] tags)
    {
        if (!AnonymousRequest.Is(http.Request)) return false;
        http.Items[Marker] = Marker;
        if (http.Features.Get<IOutputCacheFeature>() is { } feature)
            feature.Context.Tags.UnionWith(tags);
        return true;
    }

    /// <summary>True when the page marked itself shareable during this request.</summary>
    public static bool IsShared(HttpContext http) => http.Items.ContainsKey(Marker);

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
