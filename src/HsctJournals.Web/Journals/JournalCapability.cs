namespace HsctJournals.Web.Journals;

/// <summary>What someone wants to do in a journal. <see cref="JournalRoles.Allows"/> is the one decision for each.</summary>
public enum JournalCapability
{
    /// <summary>Open the journal, its live posts and comments (the access rule, <see cref="JournalAccess"/>).</summary>
    Read,
    /// <summary>Moderate comments: moderators, co-authors and owners.</summary>
    Moderate,
    /// <summary>Write, change and delete posts: co-authors and owners.</summary>
    Write,
    /// <summary>Settings, membership, comment policy and the treatment record: owners.</summary>
    Own,
}
