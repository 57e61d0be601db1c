using HsctJournals.Web.Accounts;

namespace HsctJournals.Web.Journals;

/// <summary>What a member may do in a journal. Ordered by trust: a higher value includes the lower ones' reading rights.</summary>
public enum JournalRole
{
    /// <summary>May read an ApprovedReaders journal.</summary>
    ApprovedReader = 0,
    /// <summary>May write posts.</summary>
    CoAuthor = 1,
    /// <summary>The patient: everything, including settings and membership.</summary>
    Owner = 2,
}

/// <summary>A user's membership of a journal.</summary>
public class JournalMember
{
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public JournalRole Role { get; set; }
    public DateTime CreatedAt { get; set; }
}
