using System.Security.Claims;
using System.Text.Encodings.Web;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer TOKEN</c> with a personal access token: the secret is
/// hashed and looked up; revoked tokens are refused. The principal carries the user id (and the
/// SiteAdmin role) exactly like the cookie principal, so <see cref="Reader.From"/> works unchanged.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    JournalsDbContext db, TimeProvider clock, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Claim holding the id of the token used, so a caller can tell which token it is.</summary>
    public const string TokenIdClaim = "api_token_id";

    /// <summary>Last-used times are written at most this often, so busy clients do not write on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string Prefix = "Bearer ";
    private const string InvalidToken = "The access token is not valid or has been revoked.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header[Prefix.Length..].Trim();
        // Real tokens are ~50 characters; anything far longer is not worth hashing.
        if (secret.Length is 0 or > 200) return AuthenticateResult.Fail(InvalidToken);

        var hash = SecretTokens.Hash(secret);
        var ct = Context.RequestAborted;
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.LastUsedAt })
            .FirstOrDefaultAsync(ct);
        if (token is null) return AuthenticateResult.Fail(InvalidToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is not { } last || now - last >= LastUsedResolution) await RecordUseAsync(token.Id, now, ct);

        var isAdmin = await db.UserRoles.AnyAsync(ur => ur.UserId == token.UserId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SiteAdmin), ct);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.UserId),
            new(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (isAdmin) claims.Add(new Claim(ClaimTypes.Role, Roles.SiteAdmin));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>
    /// Writes the token's last-used time. That is bookkeeping for the token list, not part of the request: when the
    /// database cannot take a write just now (SQLite locked by another program past the wait, a PostgreSQL failing
    /// over) the request goes on without it (a read the database can still answer is answered) and the next use
    /// writes it (decision 0050).
    /// </summary>
    private async Task RecordUseAsync(int tokenId, DateTime now, CancellationToken ct)
    {
        try
        {
            await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        catch (Exception e) when (DatabaseOutage.Caused(e))
        {
            Logger.LogWarning(e, "The last-used time of API token {TokenId} was not written: the database could not take the write.", tokenId);
        }
    }

    /// <summary>401 with a ProblemDetails body: API clients are never redirected to the login page.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = result.Failure?.Message
                    ?? "Send a personal access token as 'Authorization: Bearer TOKEN'. Create one at /account/tokens or with POST /api/v1/tokens.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = "Your token does not allow this." },
        });
    }
}
