namespace HsctJournals.Web.Journals;

/// <summary>What the header above every journal page shows; <paramref name="Badge"/> (who can read it) is for members only.</summary>
public sealed record JournalHeader(string Slug, string Title, string? Tagline, string? Heading, IReadOnlyList<JournalLink> Links, string? Badge = null);
