namespace HsctJournals.Web.Journals;

/// <summary>
/// A box a feature above Journals adds to a journal's home and post pages (the follow box), registered as a
/// singleton and rendered by <c>_JournalAsides.cshtml</c> in <see cref="Order"/>. The partial gets the journal's
/// slug as its model; Journals knows the path only, never the feature.
/// </summary>
public sealed record JournalAside(string Partial, int Order);
