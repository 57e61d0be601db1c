namespace HsctJournals.Web.Journals;

/// <summary>The header links of the request's journal, gathered once per request from Journals and every <see cref="IJournalLinkSource"/>.</summary>
public sealed class JournalHeaderLinks(JournalContext journal, IEnumerable<IJournalLinkSource> sources)
{
    private IReadOnlyList<JournalLink>? _links;

    public async Task<IReadOnlyList<JournalLink>> ForRequestAsync(CancellationToken ct = default)
    {
        if (_links is not null) return _links;
        var links = new List<JournalLink>(Own());
        foreach (var source in sources) links.AddRange(await source.LinksAsync(journal, ct));
        return _links = links.OrderBy(l => l.Order).ToList();
    }

    private IEnumerable<JournalLink> Own()
    {
        var slug = journal.Journal.Slug;
        yield return new("archive", "Archive", $"/j/{slug}/archive", 10);
        yield return new("search", "Search this journal", $"/j/{slug}/search", 30);
        yield return new("feeds", "Feeds", $"/j/{slug}/feeds", 40);
        if (journal.CanWrite)
        {
            yield return new("write", "Write a post", $"/j/{slug}/write", 60);
            yield return new("manage", "All posts and drafts", $"/j/{slug}/manage", 61);
        }
        if (journal.IsOwner) yield return new("settings", "Settings", $"/j/{slug}/settings", 90);
    }
}
