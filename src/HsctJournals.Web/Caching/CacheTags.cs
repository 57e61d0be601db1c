namespace HsctJournals.Web.Caching;

/// <summary>
/// The tags cached pages carry, so one write evicts exactly the pages it changes.
/// A post's page carries its post tag and its journal tag; a journal's lists and feeds carry the journal's
/// list tag and its journal tag; site-wide lists (home, sitemap) carry the site list tag. Everything carries <see cref="Site"/>.
/// </summary>
public static class CacheTags
{
    /// <summary>Every cached response.</summary>
    public const string Site = "site";

    /// <summary>Lists that span journals: the site home and the sitemap.</summary>
    public const string SiteLists = "site-lists";

    /// <summary>Every cached page of one journal: its posts, lists and feeds.</summary>
    public static string Journal(int journalId) => $"j{journalId}";

    /// <summary>A journal's lists: home, archives, categories, tags, days and feeds.</summary>
    public static string JournalLists(int journalId) => $"j{journalId}-lists";

    /// <summary>One post's pages (every comment page) and its comment feeds.</summary>
    public static string Post(int postId) => $"p{postId}";
}
