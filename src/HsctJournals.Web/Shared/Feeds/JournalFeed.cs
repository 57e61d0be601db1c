namespace HsctJournals.Web.Shared.Feeds;

/// <summary>What a feed says, independent of its format: the journal (or category) and its newest live posts.</summary>
/// <param name="JournalId">Names the cache tags a shared copy is evicted by.</param>
/// <param name="IsPublic">The journal is public: robots may index the feed and shared caches may keep it.</param>
/// <param name="Title">Journal title, with the category name for a category feed.</param>
/// <param name="Description">The journal's tagline or a plain sentence.</param>
/// <param name="Path">Root-relative address of the HTML page the feed follows.</param>
/// <param name="Entries">Newest first.</param>
/// <param name="Updated">Latest change among the entries (the journal's creation when it has none).</param>
public sealed record JournalFeed(
    int JournalId, bool IsPublic, string Title, string Description, string Path, IReadOnlyList<FeedEntry> Entries, DateTime Updated);

/// <summary>One post (or comment) as a feed item. Carries the author's display name only: the e-mail address is never loaded.</summary>
/// <param name="ItemTag">The item's name inside its tag URI; "post/{PostId}" when null (comment feeds use "comment/{id}").</param>
public sealed record FeedEntry(
    int PostId, string Title, string Path, string AuthorName, DateTime Published, DateTime Updated,
    string Summary, string Html, string? Category, IReadOnlyList<string> Tags, string? ItemTag = null);
