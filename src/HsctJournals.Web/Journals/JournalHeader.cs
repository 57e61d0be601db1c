namespace HsctJournals.Web.Journals;

/// <summary>What the header above every journal page shows.</summary>
/// <param name="PendingComments">Comments waiting for moderation; set only when the reader may moderate (null otherwise).</param>
public sealed record JournalHeader(string Slug, string Title, string? Tagline, bool CanWrite, bool IsOwner, string? Heading = null, int? PendingComments = null,
    bool ShowDaysLink = false, bool ShowTreatmentLink = false)
{
    public bool CanModerate => PendingComments is not null;
}
