using HsctJournals.Web.Accounts;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Base for pages inside a journal: resolves the journal through the access rule
/// (404 when it is missing or not readable), the reader's role, the header and head metadata.
/// </summary>
public abstract class JournalPageModel(JournalAccess access) : PageModel
{
    protected JournalAccess Access { get; } = access;
    public Journal Journal { get; private set; } = null!;
    public JournalRole? Role { get; private set; }
    public JournalHeader Header { get; protected set; } = null!;
    public PageMeta Meta { get; } = new();
    protected Reader CurrentReader => Reader.From(User);
    public bool CanWrite => Role >= JournalRole.CoAuthor;

    /// <summary>
    /// Marks what this page rendered as the same for every anonymous reader: a post's page (evicted with the post)
    /// or one of the journal's lists (evicted with any post of the journal). Proxies may keep it only for a public journal.
    /// </summary>
    protected void ShareWithAnonymousReaders(int? postId = null) =>
        HttpContext.ShareWithAnonymousReaders(Journal.Visibility == JournalVisibility.Public, CacheTags.Journal(Journal.Id),
            postId is { } id ? CacheTags.Post(id) : CacheTags.JournalLists(Journal.Id));

    /// <summary>Loads the journal; false means "answer 404".</summary>
    protected async Task<bool> LoadJournalAsync(string slug, CancellationToken ct, string? heading = null)
    {
        var journal = await Access.FindReadableAsync(slug, CurrentReader, ct);
        if (journal is null) return false;
        Journal = journal;
        Role = await Access.RoleInAsync(journal.Id, CurrentReader, ct);
        // Resolved per request rather than through every page's constructor: only moderators need it.
        int? pending = Role >= JournalRole.Moderator
            ? await HttpContext.RequestServices.GetRequiredService<Comments.ModerationQueue>().PendingCountAsync(journal.Id, ct)
            : null;
        // The header's treatment links follow the treatment sharing rule, decided here once from what is already loaded.
        var treatment = HttpContext.RequestServices.GetRequiredService<Treatment.TreatmentAccess>();
        var days = HttpContext.RequestServices.GetRequiredService<Treatment.Days.PostDays>();
        var treatmentView = await treatment.ViewableAsync(journal, Role, ct);
        Header = new JournalHeader(journal.Slug, journal.Title, journal.Tagline, CanWrite, Role == JournalRole.Owner, heading, pending,
            ShowDaysLink: await days.ShowsLinkAsync(journal, treatmentView, ct),
            ShowTreatmentLink: Treatment.TreatmentAccess.ShowsLink(Role, treatmentView));
        Meta.Description = journal.Tagline ?? $"{journal.Title} — an HSCT journal.";
        // Only public journals are indexed; the others ask robots to stay away.
        Meta.NoIndex = journal.Visibility != JournalVisibility.Public;
        if (journal.Visibility is JournalVisibility.Public or JournalVisibility.Unlisted)
        {
            Meta.Feeds.Add(($"{journal.Title} (RSS)", "application/rss+xml", $"/j/{journal.Slug}/feed.rss"));
            Meta.Feeds.Add(($"{journal.Title} (Atom)", "application/atom+xml", $"/j/{journal.Slug}/feed.atom"));
        }
        return true;
    }
}
