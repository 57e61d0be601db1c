using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Photos;

/// <summary>Photos' link in the journal header: the Photos page, for the journal's writers only.</summary>
public sealed class PhotoLinks : IJournalLinkSource
{
    public Task<IEnumerable<JournalLink>> LinksAsync(JournalContext journal, CancellationToken ct) =>
        Task.FromResult<IEnumerable<JournalLink>>(journal.CanWrite
            ? [new("photos", "Photos", $"/j/{journal.Journal.Slug}/photos", 62)]
            : []);
}
