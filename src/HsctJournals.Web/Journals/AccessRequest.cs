using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>State of a reader's request to read an ApprovedReaders journal.</summary>
public enum AccessRequestStatus { Pending = 0, Approved = 1, Declined = 2 }

/// <summary>A signed-in user asks to read a journal; the owner approves or declines.</summary>
public class AccessRequest
{
    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public string? Message { get; set; }
    public AccessRequestStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}
