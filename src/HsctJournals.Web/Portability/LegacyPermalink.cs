namespace HsctJournals.Web.Portability;

/// <summary>
/// An address a post had on the WordPress site it came from (<c>/2024/03/what-is-hsct/</c>,
/// <c>/?p=7</c>). When the old domain points at this installation, a request for it answers
/// 301 to the post (LegacyRedirects).
/// </summary>
public class LegacyPermalink
{
    public long Id { get; set; }
    public int JournalId { get; set; }
    public int PostId { get; set; }
    /// <summary>The old site's host (and port), lower-cased: "example.org".</summary>
    public required string Host { get; set; }
    /// <summary>Normalised path and query, see <c>OldAddress</c> in the domain project.</summary>
    public required string Path { get; set; }
}
