using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>What a member may do in a journal. Ordered by trust: a higher value includes the lower ones' reading rights.</summary>
public enum JournalRole
{
    /// <summary>May read an ApprovedReaders journal.</summary>
    ApprovedReader = 0,
    /// <summary>May read the journal (even a private one) and moderate its comments; does not write posts.</summary>
    Moderator = 1,
    /// <summary>May write posts and moderate comments.</summary>
    CoAuthor = 2,
    /// <summary>The patient: everything, including settings and membership.</summary>
    Owner = 3,
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
