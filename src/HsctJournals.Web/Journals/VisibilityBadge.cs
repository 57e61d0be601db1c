namespace HsctJournals.Web.Journals;

/// <summary>
/// The badge on a journal's header that reminds its members who can read what they are about to write.
/// Shown to members only: to anyone else it would say nothing they do not already know, and a reader of a
/// public journal needs no reminder.
/// </summary>
public static class VisibilityBadge
{
    /// <summary>The badge for <paramref name="role"/> (null for non-members: no badge).</summary>
    public static string? For(JournalRole? role, JournalVisibility visibility, bool awaitingListing) => role is null ? null : visibility switch
    {
        JournalVisibility.Private => "Private: only its members",
        JournalVisibility.ApprovedReaders => "Approved readers only",
        JournalVisibility.Unlisted => "Unlisted: anyone with the link",
        _ when awaitingListing => "Public, waiting to be listed on the front page",
        _ => "Public",
    };
}
