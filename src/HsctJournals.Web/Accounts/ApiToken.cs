using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>A personal access token for the JSON API. Only a SHA-256 hash of the secret is stored.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public required string Name { get; set; }
    /// <summary>Hex SHA-256 of the token secret.</summary>
    public required string TokenHash { get; set; }
    /// <summary>First characters of the token, shown so the user can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
