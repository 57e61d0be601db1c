using HsctJournals.Web.Accounts;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Base for pages inside a journal. <see cref="JournalPageFilter"/> has resolved the journal and the reader's
/// role into <see cref="JournalContext"/> before a handler runs (404 when it is missing, unreadable, or the page's
/// capability is lacking); this adds the head metadata every journal page shares. The header above the page is
/// the journal-header view component, which reads the same context.
/// </summary>
[JournalPage]
public abstract class JournalPageModel(JournalContext context) : PageModel
{
    private PageMeta? _meta;

    protected JournalContext Context { get; } = context;
    public Journal Journal => Context.Journal;
    public JournalRole? Role => Context.Role;
    public bool CanWrite => Context.CanWrite;
    protected Reader CurrentReader => Context.IsResolved ? Context.Reader : Reader.From(User);

    /// <summary>
    /// Marks what this page rendered as the same for every anonymous reader: a post's page (evicted with the post)
    /// or one of the journal's lists (evicted with any post of the journal). Proxies may keep it only for a public journal.
    /// </summary>
    protected void ShareWithAnonymousReaders(int? postId = null) =>
        HttpContext.ShareWithAnonymousReaders(Journal.Visibility == JournalVisibility.Public, CacheTags.Journal(Journal.Id),
            postId is { } id ? CacheTags.Post(id) : CacheTags.JournalLists(Journal.Id));

    /// <summary>Head metadata, starting from the journal's (when the page has one): description, robots, feeds.</summary>
    public PageMeta Meta => _meta ??= Context.IsResolved ? JournalMeta(Context.Journal) : new PageMeta();

    private static PageMeta JournalMeta(Journal journal)
    {
        var meta = new PageMeta
        {
            Description = journal.Tagline ?? $"{journal.Title} — an HSCT journal.",
            // Only public journals are indexed; the others ask robots to stay away.
            NoIndex = journal.Visibility != JournalVisibility.Public,
        };
        if (journal.Visibility is JournalVisibility.Public or JournalVisibility.Unlisted)
        {
            meta.Feeds.Add(($"{journal.Title} (RSS)", "application/rss+xml", $"/j/{journal.Slug}/feed.rss"));
            meta.Feeds.Add(($"{journal.Title} (Atom)", "application/atom+xml", $"/j/{journal.Slug}/feed.atom"));
        }
        return meta;
    }
}
