namespace HsctJournals.Web.Journals;

/// <summary>What the header above every journal page shows.</summary>
public sealed record JournalHeader(string Slug, string Title, string? Tagline, string? Heading, IReadOnlyList<JournalLink> Links);
