namespace HsctJournals.Web.Caching;

/// <summary>
/// Asked before a request whose only page-changing cookie is a commenter's secret (<see cref="PageReader.CommenterSecretOnly"/>)
/// is answered from the shared page cache: true when that cookie changes no page right now. Implemented by the comments
/// feature, which knows what the secret shows (Caching sits below the features and names none of them).
/// </summary>
public interface ISharedPageCookieCheck
{
    Task<bool> SeesSharedPagesAsync(HttpRequest request, CancellationToken ct);
}
