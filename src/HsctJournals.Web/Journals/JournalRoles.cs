namespace HsctJournals.Web.Journals;

/// <summary>
/// Which role each capability needs, decided here once. The constants are for database queries
/// (EF translates <c>m.Role &gt;= JournalRoles.LeastToWrite</c>); <see cref="Allows"/> is the same rule in memory.
/// Reading treatment data is a further rule on top of <see cref="JournalCapability.Read"/>: the course's
/// sharing setting, decided in Treatment/TreatmentAccess.
/// </summary>
public static class JournalRoles
{
    /// <summary>The least role that may moderate comments (and read a Private journal).</summary>
    public const JournalRole LeastToModerate = JournalRole.Moderator;

    /// <summary>The least role that may write posts (and open drafts).</summary>
    public const JournalRole LeastToWrite = JournalRole.CoAuthor;

    /// <summary>
    /// May someone with <paramref name="role"/> (null: not a member) do <paramref name="capability"/> in a journal
    /// the access rule already lets them read?
    /// </summary>
    public static bool Allows(JournalRole? role, JournalCapability capability) => capability switch
    {
        JournalCapability.Read => true,
        JournalCapability.Moderate => role >= LeastToModerate,
        JournalCapability.Write => role >= LeastToWrite,
        JournalCapability.Own => role == JournalRole.Owner,
        _ => false,
    };
}
