namespace HsctJournals.Web.Shared;

/// <summary>
/// Which requests only read: GET and HEAD. Nothing here changes data on them (changes are form POSTs and the API's
/// other verbs), so they may be cached, redirected, and spared EF's change tracking.
/// </summary>
public static class ReadOnlyRequests
{
    public static bool Is(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
}
