using System.Security.Claims;
using HsctJournals.Domain.Web;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Server-side sessions (issue 8, fix 2). A sign-in cookie opens a page only while its session row exists
/// and its security stamp is the user's current one: signing out deletes the row, and a password or e-mail
/// change (which rotates the stamp) ends every session but the one that refreshed itself.
/// </summary>
public sealed class UserSessions(JournalsDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, SignedInPerson signedIn)
{
    /// <summary>The claim in the sign-in cookie that holds the session's secret.</summary>
    public const string ClaimType = "hsct:session";

    // Writing "last seen" on every request would turn every page view into a write.
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The secret to put in a new sign-in cookie for <paramref name="user"/>: the current session's when the same
    /// person refreshes their cookie (e.g. after changing their password), otherwise a new session's.
    /// </summary>
    /// <param name="passkeyId">The credential id of the passkey this sign-in used, recorded on a new session.</param>
    public async Task<string> StartOrKeepAsync(AppUser user, HttpContext http, byte[]? passkeyId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = http.User.FindFirstValue(ClaimType);
        if (current is not null)
        {
            var hash = SecretTokens.Hash(current);
            if (http.User.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) == user.Id
                && await db.UserSessions.Where(s => s.Id == hash && s.UserId == user.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stamp, user.SecurityStamp!).SetProperty(x => x.LastSeenAt, now)) == 1)
                return current;
            // Signing in as someone else in the same browser ends the session it replaces.
            await db.UserSessions.Where(s => s.Id == hash).ExecuteDeleteAsync();
        }

        var expired = now - cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        await db.UserSessions.Where(s => s.UserId == user.Id && (s.Stamp != user.SecurityStamp || s.LastSeenAt < expired)).ExecuteDeleteAsync();
        var secret = SecretTokens.New();
        db.UserSessions.Add(new UserSession
        {
            Id = SecretTokens.Hash(secret), UserId = user.Id, Stamp = user.SecurityStamp!,
            Device = DeviceLabel.From(http.Request.Headers.UserAgent.ToString()), CreatedAt = now, LastSeenAt = now, PasskeyId = passkeyId,
        });
        await db.SaveChangesAsync();
        if (passkeyId is not null) await NotePasskeyUseAsync(user.Id, passkeyId, now);
        return secret;
    }

    private async Task NotePasskeyUseAsync(string userId, byte[] credentialId, DateTime now)
    {
        if (await db.PasskeyUses.Where(p => p.CredentialId == credentialId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastUsedAt, now)) > 0) return;
        var use = db.PasskeyUses.Add(new PasskeyUse { CredentialId = credentialId, UserId = userId, LastUsedAt = now });
        try { await db.SaveChangesAsync(); }
        // Two sign-ins with the same passkey at the same moment: the other one has just written the same date.
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { use.State = EntityState.Detached; }
    }

    /// <summary>When each of the person's passkeys last signed them in, by credential id (base64url).</summary>
    public async Task<Dictionary<string, DateTime>> PasskeyUsesAsync(string userId) =>
        (await db.PasskeyUses.AsNoTracking().Where(p => p.UserId == userId).Select(p => new { p.CredentialId, p.LastUsedAt }).ToListAsync())
        .ToDictionary(p => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(p.CredentialId), p => p.LastUsedAt);

    /// <summary>True when the cookie's session still exists and its stamp is the user's current one; notes when it was seen.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal)
    {
        var secret = principal.FindFirstValue(ClaimType);
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (secret is null || userId is null || stamp is null) return false;
        var hash = SecretTokens.Hash(secret);
        var row = await SessionQuery.For(db)(db, hash, userId);
        if (row is null || row.Current != stamp) return false;
        signedIn.Found(userId, row.DisplayName);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - row.LastSeenAt > SeenGranularity)
            await db.UserSessions.Where(s => s.Id == hash).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        return true;
    }

    private sealed record SessionRow(DateTime LastSeenAt, string? Current, string DisplayName);

    /// <summary>
    /// The session and its person's current stamp: compiled (decision 0061), since every signed-in request asks it. The
    /// person's display name comes with it for the request's pages (<see cref="SignedInPerson"/>).
    /// </summary>
    private static readonly CompiledQuery<Func<JournalsDbContext, string, string, Task<SessionRow?>>> SessionQuery = new(() =>
        EF.CompileAsyncQuery((JournalsDbContext db, string hash, string userId) =>
            db.UserSessions.Where(s => s.Id == hash && s.UserId == userId).Select(s => new SessionRow(s.LastSeenAt, s.User.SecurityStamp, s.User.DisplayName)).FirstOrDefault()));

    /// <summary>Ends the session a principal's cookie belongs to (signing out).</summary>
    public Task EndCurrentAsync(ClaimsPrincipal principal) =>
        IdOf(principal) is { } id ? db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync() : Task.CompletedTask;

    /// <summary>The id (hash) of the session a principal's cookie belongs to, or null.</summary>
    public static string? IdOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimType) is { } secret ? SecretTokens.Hash(secret) : null;

    /// <summary>A person's live sessions, most recently seen first.</summary>
    public async Task<List<UserSession>> ListAsync(string userId, CancellationToken ct)
    {
        var expired = clock.GetUtcNow().UtcDateTime - cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.Stamp == stamp && s.LastSeenAt >= expired)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync(ct);
    }

    /// <summary>Ends one of a person's sessions; false when it is not theirs (or already gone).</summary>
    public async Task<bool> EndAsync(string userId, string sessionId, CancellationToken ct) =>
        await db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(ct) == 1;

    /// <summary>Ends every session of a person except <paramref name="keepId"/>; returns how many ended.</summary>
    public Task<int> EndOthersAsync(string userId, string? keepId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id != keepId).ExecuteDeleteAsync(ct);

    /// <summary>
    /// After a passkey is removed: ends the person's sessions that signed in with it, except <paramref name="keepId"/>,
    /// and forgets when it was last used.
    /// </summary>
    public async Task PasskeyRemovedAsync(string userId, byte[] credentialId, string? keepId, CancellationToken ct)
    {
        await db.UserSessions.Where(s => s.UserId == userId && s.PasskeyId == credentialId && s.Id != keepId).ExecuteDeleteAsync(ct);
        await db.PasskeyUses.Where(p => p.UserId == userId && p.CredentialId == credentialId).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// The sign-in cookie's validation, run on every request that carries one (replaces Identity's periodic
    /// security-stamp check, which let a cookie live up to 30 minutes after a password change).
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal is not null && await sessions.IsLiveAsync(context.Principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
