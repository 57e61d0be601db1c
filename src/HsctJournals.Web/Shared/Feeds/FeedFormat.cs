namespace HsctJournals.Web.Shared.Feeds;

/// <summary>The two feed formats we publish.</summary>
public enum FeedFormat
{
    /// <summary>RSS 2.0, <c>application/rss+xml</c>.</summary>
    Rss,
    /// <summary>Atom 1.0, <c>application/atom+xml</c>.</summary>
    Atom,
}
