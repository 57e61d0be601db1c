using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Api;

/// <summary>
/// Creates, lists and revokes personal access tokens; one code path for the account page and the API.
/// The secret exists only in the return value of <see cref="CreateAsync"/>: the database keeps its hash.
/// </summary>
public sealed class ApiTokens(JournalsDbContext db, TimeProvider clock)
{
    /// <summary>Every token starts with this, so leaked tokens are easy to recognise (and to scan for).</summary>
    public const string SecretPrefix = "hsct_";
    /// <summary>How much of the secret is kept in clear to tell tokens apart.</summary>
    public const int ShownPrefixLength = 12;
    public const int NameMaxLength = 80;
    /// <summary>A generous ceiling that still stops a script from minting tokens without end.</summary>
    public const int MaxActivePerUser = 50;

    /// <summary>A new token, or field errors keyed "Name".</summary>
    public async Task<EditResult<CreatedToken>> CreateAsync(string userId, string? name, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) errors.Add("Name", "Give the token a name, such as the app or script that will use it.");
        else if (trimmed.Length > NameMaxLength) errors.Add("Name", $"The name can be at most {NameMaxLength} characters (it has {trimmed.Length}).");
        else if (await Active(userId).CountAsync(ct) >= MaxActivePerUser)
            errors.Add("Name", $"You already have {MaxActivePerUser} tokens. Revoke ones you no longer use first.");
        if (errors.Any) return errors.Fail<CreatedToken>();

        var secret = SecretTokens.New(SecretPrefix);
        var token = new ApiToken
        {
            UserId = userId, Name = trimmed, TokenHash = SecretTokens.Hash(secret),
            Prefix = secret[..ShownPrefixLength], CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return EditResult<CreatedToken>.Ok(new CreatedToken(token, secret));
    }

    /// <summary>The user's tokens that still work, newest first.</summary>
    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken ct = default) =>
        Active(userId).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).AsNoTracking().ToListAsync(ct);

    /// <summary>Revokes one of the user's own tokens. False when there is no such token of theirs (callers answer 404).</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private IQueryable<ApiToken> Active(string userId) => db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null);
}

/// <summary>A token just created, with its secret: show it once, never store it.</summary>
public sealed record CreatedToken(ApiToken Token, string Secret);
