using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Photos;

/// <summary>
/// On a journal page whose form carries photos: reads a multipart post as it arrives, before model
/// binding, storing the photos in the journal when the reader may write in it (otherwise the files are
/// skipped and the page's own guard answers 404). The page reads the result with <see cref="Outcome"/>.
/// </summary>
public sealed class PhotoFormAttribute : StreamedFormAttribute
{
    protected override async Task ReadAsync(HttpContext http, RouteData route, CancellationToken ct)
    {
        var here = http.RequestServices.GetRequiredService<JournalContext>();
        var writable = route.Values["journal"] is string slug && await here.ResolveAsync(slug, Reader.From(http.User), ct) && here.CanWrite ? here.Journal : null;
        http.Features.Set(await http.RequestServices.GetRequiredService<PhotoFormUpload>().ReadAsync(http, writable, ct));
    }

    /// <summary>What the post's photos came to; null when the request carried no multipart form.</summary>
    public static PhotoFormOutcome? Outcome(HttpContext http) => http.Features.Get<PhotoFormOutcome>();
}
