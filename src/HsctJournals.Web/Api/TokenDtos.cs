using HsctJournals.Web.Accounts;

namespace HsctJournals.Web.Api;

/// <summary>Sign-in details exchanged for a new personal access token.</summary>
/// <param name="Email">The account's e-mail address.</param>
/// <param name="Password">The account's password.</param>
/// <param name="Name">What the token is for, e.g. "Phone app".</param>
public sealed record CreateTokenRequest(string? Email, string? Password, string? Name);

/// <summary>A new token. <see cref="Token"/> is shown only in this response: store it safely.</summary>
public sealed record CreatedTokenDto(int Id, string Token, string Name, string Prefix, DateTime CreatedAt);

/// <summary>A token as listed: never the secret.</summary>
public sealed record TokenDto(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt)
{
    public static TokenDto From(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt);
}
