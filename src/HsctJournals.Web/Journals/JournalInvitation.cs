namespace HsctJournals.Web.Journals;

/// <summary>
/// The owner invites someone by e-mail to read (or co-author) a journal. The e-mail holds a
/// secret link; only its SHA-256 hash is stored. Accepting needs a signed-in account.
/// </summary>
public class JournalInvitation
{
    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    /// <summary>Where the invitation was sent. Shown only to the journal's owners.</summary>
    public required string Email { get; set; }
    public JournalRole Role { get; set; } = JournalRole.ApprovedReader;
    /// <summary>Hex SHA-256 of the secret in the link.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
}
