namespace HsctJournals.Web.Journals;

/// <summary>
/// The address of a deleted journal, held back for a while so nobody else can take it at once and
/// receive its readers, feed subscribers and search traffic.
/// </summary>
public class RetiredSlug
{
    public required string Slug { get; set; }
    /// <summary>From this instant a new journal may use the address again.</summary>
    public DateTime FreeAfter { get; set; }
}
