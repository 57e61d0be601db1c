namespace HsctJournals.Web.Admin;

/// <summary>One thing a site admin did, kept so admins answer to each other (issue 8, build 3).</summary>
public class AdminAuditEntry
{
    public const int ActionMaxLength = 80;
    public const int DetailMaxLength = 500;

    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The admin's account; null once that account is deleted (the name stays).</summary>
    public string? AdminId { get; set; }
    public required string AdminName { get; set; }
    /// <summary>What was done, e.g. "Settings changed", "Account locked".</summary>
    public required string Action { get; set; }
    /// <summary>To what, in words an admin may read: display names and journal titles, never a commenter's e-mail.</summary>
    public required string Detail { get; set; }
}
