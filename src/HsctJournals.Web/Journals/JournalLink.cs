namespace HsctJournals.Web.Journals;

/// <summary>A link in the journal header. <see cref="Order"/> places it among the others (Journals' own: 10 archive, 30 search, 40 feeds, 60–61 writing, 90 settings).</summary>
public sealed record JournalLink(string Key, string Text, string Href, int Order)
{
    /// <summary>The key of the by-treatment-day link (Treatment's), which the archive page repeats in its body when it is there.</summary>
    public const string ByDayKey = "days";
}

/// <summary>
/// A feature's contribution to the journal header (Comments: the moderation link; Treatment: the treatment
/// and by-day links). Journals asks every registered source and knows none of them by name.
/// </summary>
public interface IJournalLinkSource
{
    Task<IEnumerable<JournalLink>> LinksAsync(JournalContext journal, CancellationToken ct);
}
