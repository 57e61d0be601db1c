using System.Security.Claims;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Admin;

/// <summary>
/// The admin's people screen: find an account, lock or unlock it, make or stop making someone an admin.
/// Admins see account addresses here (to find a person) but never commenters' addresses, and never a
/// private journal's content (docs/decisions/0004).
/// </summary>
public sealed class PeopleAdministration(JournalsDbContext db, UserManager<AppUser> users, AdminAudit audit, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int QueryMaxLength = 100;

    public sealed record Person(string Id, string DisplayName, string? Email, DateTime CreatedAt, bool Locked, bool IsAdmin, int JournalsOwned);

    /// <summary>Accounts whose name or address contains <paramref name="query"/> (all of them when empty), by name.</summary>
    public async Task<List<Person>> SearchAsync(string? query, CancellationToken ct)
    {
        var q = (query ?? "").Trim();
        if (q.Length > QueryMaxLength) q = q[..QueryMaxLength];
        var upper = q.ToUpperInvariant();
        var now = clock.GetUtcNow();
        var adminRole = await db.Roles.Where(r => r.Name == Roles.SiteAdmin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .Where(u => upper == "" || u.DisplayName.ToUpper().Contains(upper) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.CreatedAt, u.LockoutEnd,
                IsAdmin = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole),
                Owned = db.JournalMembers.Count(m => m.UserId == u.Id && m.Role == JournalRole.Owner),
            })
            .ToListAsync(ct);
        // LockoutEnd is compared in memory: SQLite stores DateTimeOffset as text and cannot order it.
        return rows.Select(r => new Person(r.Id, r.DisplayName, r.Email, r.CreatedAt, r.LockoutEnd > now, r.IsAdmin, r.Owned)).ToList();
    }

    /// <summary>
    /// Locks an account until an admin unlocks it: it can no longer sign in, every session ends (new security
    /// stamp) and its API tokens are revoked, since a token is the account's key too.
    /// </summary>
    public Task<AdminResult> LockAsync(ClaimsPrincipal admin, string? userId, CancellationToken ct) =>
        ChangeAsync(admin, userId, ct, async user =>
        {
            if (user.Id == admin.FindFirstValue(ClaimTypes.NameIdentifier)) return AdminResult.Fail("You cannot lock your own account.");
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            await db.FeedTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            await audit.RecordAsync(admin, "Account locked", user.DisplayName, ct);
            return AdminResult.Ok($"{user.DisplayName} is locked out and signed out everywhere; their API tokens and feed links are revoked.");
        });

    public Task<AdminResult> UnlockAsync(ClaimsPrincipal admin, string? userId, CancellationToken ct) =>
        ChangeAsync(admin, userId, ct, async user =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.RecordAsync(admin, "Account unlocked", user.DisplayName, ct);
            return AdminResult.Ok($"{user.DisplayName} can sign in again.");
        });

    public Task<AdminResult> MakeAdminAsync(ClaimsPrincipal admin, string? userId, CancellationToken ct) =>
        ChangeAsync(admin, userId, ct, async user =>
        {
            if (await users.IsInRoleAsync(user, Roles.SiteAdmin)) return AdminResult.Ok($"{user.DisplayName} is already a site admin.");
            await users.AddToRoleAsync(user, Roles.SiteAdmin);
            // The role is in the cookie: a new stamp makes their sessions pick it up (and the removal below take effect).
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(admin, "Made a site admin", user.DisplayName, ct);
            return AdminResult.Ok($"{user.DisplayName} is now a site admin.");
        });

    /// <summary>Removes the admin role; the site always keeps one admin, so the last one cannot be removed.</summary>
    public Task<AdminResult> RemoveAdminAsync(ClaimsPrincipal admin, string? userId, CancellationToken ct) =>
        ChangeAsync(admin, userId, ct, async user =>
        {
            if (!await users.IsInRoleAsync(user, Roles.SiteAdmin)) return AdminResult.Ok($"{user.DisplayName} is not a site admin.");
            if ((await users.GetUsersInRoleAsync(Roles.SiteAdmin)).Count <= 1)
                return AdminResult.Fail("The site needs an admin. Make someone else an admin first.");
            await users.RemoveFromRoleAsync(user, Roles.SiteAdmin);
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(admin, "No longer a site admin", user.DisplayName, ct);
            return AdminResult.Ok($"{user.DisplayName} is no longer a site admin.");
        });

    // One transaction per action, so the change and its audit entry are saved together or not at all.
    private async Task<AdminResult> ChangeAsync(ClaimsPrincipal admin, string? userId, CancellationToken ct, Func<AppUser, Task<AdminResult>> change)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Fail("That account no longer exists.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change(user);
        if (!result.Succeeded) return result;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}
