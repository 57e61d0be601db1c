using System.Text.RegularExpressions;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Caching;
using Microsoft.Net.Http.Headers;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Photos;

/// <summary>
/// Serves display variants at <c>/photos/{sha256}.{webp|jpg}</c>. The URL names the bytes, so
/// public variants are cached for a year as immutable; others are private and revalidated on
/// every use, so taking away access takes effect at once. A reader who may not see a photo gets
/// the same 404 as for one that does not exist. Readers without a cookie (feed readers, mail programs)
/// may carry a <see cref="SignedPhotoLinks"/> signature instead.
/// Public variants also go into the shared page cache, tagged with the journals that make them public, so
/// the next reader gets them without a query and any write that could take access away (a post edited,
/// unpublished or deleted, the journal closed, the photo deleted) evicts them with the journal's pages.
/// </summary>
public static partial class PhotoEndpoints
{
    public const string PublicCacheControl = "public, max-age=31536000, immutable";
    public const string PrivateCacheControl = "private, no-cache";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/photos/{file}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).ExcludeFromDescription();

    private static async Task ServeAsync(string file, HttpContext http, PhotoAccess photos, PhotoBlobStore blobs, SignedPhotoLinks signed, CancellationToken ct)
    {
        var match = VariantFile().Match(file);
        if (!match.Success)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var hash = match.Groups["hash"].Value;
        var format = match.Groups["ext"].Value == "webp" ? PhotoFormat.WebP : PhotoFormat.Jpeg;
        var grant = await photos.GrantAsync(hash, format, Reader.From(http.User), ct);
        // A signed link (secret feed, mail) reads as the person it was made for, while they may still see the photo.
        var signedFor = grant is null ? signed.ReaderOf(http.Request.Query[SignedPhotoLinks.QueryName], hash) : null;
        if (signedFor is not null) grant = await photos.GrantAsync(hash, format, new Reader(signedFor, false), ct);
        if (grant is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var etag = new EntityTagHeaderValue($"\"{hash}\"");
        var headers = http.Response.Headers;
        headers.CacheControl = grant.IsPublic ? PublicCacheControl : PrivateCacheControl;
        headers.ETag = etag.ToString();
        if (grant.IsPublic) http.ShareImmutableWithAnonymousReaders([.. grant.PublicIn.Select(CacheTags.Journal)]);
        else headers.Vary = "Cookie";
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.ContentType = format == PhotoFormat.WebP ? "image/webp" : "image/jpeg";
        http.Response.ContentLength = grant.Length;
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await blobs.CopyToAsync(hash, http.Response.Body, ct);
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{64})\\.(?<ext>webp|jpg)$")]
    private static partial Regex VariantFile();
}
