namespace HsctJournals.Web.Portability;

/// <summary>What kind of WordPress object an <see cref="ImportedItem"/> remembers.</summary>
public enum ImportedKind { Post = 0, Comment = 1 }

/// <summary>
/// Remembers that WordPress object <see cref="SourceId"/> of site <see cref="SourceSite"/> became
/// row <see cref="TargetId"/> here. It makes imports idempotent: importing the same file again
/// adds nothing, and a later export of the same site adds only what is new.
/// </summary>
public class ImportedItem
{
    public long Id { get; set; }
    public int JournalId { get; set; }
    /// <summary>The WordPress site's base URL (<c>wp:base_site_url</c>), lower-cased, without a trailing slash.</summary>
    public required string SourceSite { get; set; }
    public ImportedKind Kind { get; set; }
    public long SourceId { get; set; }
    public int TargetId { get; set; }
}
