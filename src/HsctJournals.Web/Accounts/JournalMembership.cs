using System.ComponentModel.DataAnnotations;
using HsctJournals.Domain.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// The owner's membership decisions: who co-authors or reads a journal. Callers pass a journal
/// already resolved with the Own capability (<see cref="JournalContext"/>), so the rule "only owners manage
/// members" lives in one place.
/// </summary>
public sealed class JournalMembership(JournalsDbContext db, UserManager<AppUser> users, TimeProvider clock, Caching.PageCacheEviction cache)
{
    /// <summary>One member as the owner sees them (the e-mail address is for the owner's eyes only).</summary>
    public sealed record Row(string UserId, string DisplayName, string? Email, JournalRole Role, DateTime Since);

    /// <summary>Roles an owner may hand out when adding someone; making another owner is a later role change.</summary>
    public static readonly JournalRole[] AddableRoles = [JournalRole.CoAuthor, JournalRole.Moderator, JournalRole.ApprovedReader];

    /// <summary>What each role may do, as the people page explains it, highest first.</summary>
    public static readonly (JournalRole Role, string Label, string Means)[] RoleChoices =
    [
        (JournalRole.Owner, "Owner", "everything, including settings and people"),
        (JournalRole.CoAuthor, "Co-author", "may write posts and moderate comments"),
        (JournalRole.Moderator, "Moderator", "may read and moderate comments, not write posts"),
        (JournalRole.ApprovedReader, "Approved reader", "may read"),
    ];

    public Task<List<Row>> ListAsync(int journalId, CancellationToken ct = default) =>
        db.JournalMembers.AsNoTracking().Where(m => m.JournalId == journalId)
            .OrderByDescending(m => m.Role).ThenBy(m => m.User.DisplayName)
            .Select(m => new Row(m.UserId, m.User.DisplayName, m.User.Email, m.Role, m.CreatedAt))
            .ToListAsync(ct);

    /// <summary>Adds the account with this e-mail address, or says there is none so the page can offer an invitation.</summary>
    public async Task<MembershipResult> AddByEmailAsync(Journal journal, string? email, JournalRole role, CancellationToken ct = default)
    {
        email = email?.Trim() ?? "";
        if (!IsEmail(email)) return MembershipResult.Fail("Enter the e-mail address of the person's account, like name@example.org.");
        if (!AddableRoles.Contains(role)) return MembershipResult.Fail(ChooseAddableRole);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
            return new MembershipResult(false, $"No account uses {email}. You can send an invitation to that address instead.", NoAccount: true);

        var existing = await db.JournalMembers.FirstOrDefaultAsync(m => m.JournalId == journal.Id && m.UserId == user.Id, ct);
        if (existing is not null)
            return MembershipResult.Fail($"{user.DisplayName} is already a member ({Describe(existing.Role)}). Change their role in the list instead.");

        db.JournalMembers.Add(new JournalMember { JournalId = journal.Id, UserId = user.Id, Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await ResolvePendingRequestsAsync(journal.Id, user.Id, ct);
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(journal.Id, ct);
        return MembershipResult.Ok($"{user.DisplayName} is now {Describe(role, article: true)}.");
    }

    /// <summary>Changes a member's role; the journal always keeps at least one owner (<see cref="OwnerRule"/>).</summary>
    public Task<MembershipResult> ChangeRoleAsync(Journal journal, string userId, JournalRole role, CancellationToken ct = default) =>
        !Enum.IsDefined(role)
            ? Task.FromResult(MembershipResult.Fail("Choose a role."))
            : ChangeMemberAsync(journal, userId, role, ct);

    /// <summary>Removes a member; the last owner cannot be removed (<see cref="OwnerRule"/>).</summary>
    public Task<MembershipResult> RemoveAsync(Journal journal, string userId, CancellationToken ct = default) =>
        ChangeMemberAsync(journal, userId, newRole: null, ct);

    /// <summary>
    /// The one path that demotes or removes a member (<paramref name="newRole"/> null), so the owner rule is
    /// checked in one place. The journal's row is locked first: two owners demoting each other at the same
    /// moment are then decided one after the other, and the second sees the first's change.
    /// </summary>
    private async Task<MembershipResult> ChangeMemberAsync(Journal journal, string userId, JournalRole? newRole, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // An update that changes nothing takes PostgreSQL's row lock (SQLite's write lock is already held by BEGIN IMMEDIATE).
        await db.Journals.Where(j => j.Id == journal.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Slug, j => j.Slug), ct);
        var member = await FindAsync(journal.Id, userId, ct);
        if (member is null) return MembershipResult.Fail("That person is not a member of this journal any more.");
        if (member.Role == newRole) return MembershipResult.Ok($"{member.User.DisplayName} is already {Describe(member.Role, article: true)}.");
        var owners = await db.JournalMembers.CountAsync(m => m.JournalId == journal.Id && m.Role == JournalRole.Owner, ct);
        if (!OwnerRule.Allows(member.Role == JournalRole.Owner, newRole == JournalRole.Owner, owners))
            return MembershipResult.Fail(OwnerRule.Refusal);

        if (newRole is { } role) member.Role = role;
        else db.JournalMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await cache.JournalChangedAsync(journal.Id, ct);
        return MembershipResult.Ok(newRole is { } given
            ? $"{member.User.DisplayName} is now {Describe(given, article: true)}."
            : $"{member.User.DisplayName} was removed from the journal.");
    }

    /// <summary>Adds a member (or raises their role) for an approved request or an accepted invitation; never lowers a role.</summary>
    internal async Task GrantAsync(int journalId, string userId, JournalRole role, CancellationToken ct)
    {
        var member = await db.JournalMembers.FirstOrDefaultAsync(m => m.JournalId == journalId && m.UserId == userId, ct);
        if (member is null)
            db.JournalMembers.Add(new JournalMember { JournalId = journalId, UserId = userId, Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime });
        else if (member.Role < role)
            member.Role = role;
        await ResolvePendingRequestsAsync(journalId, userId, ct);
    }

    /// <summary>"co-author", or "a co-author" with <paramref name="article"/>.</summary>
    public static string Describe(JournalRole role, bool article = false) => (role, article) switch
    {
        (JournalRole.Owner, false) => "owner",
        (JournalRole.Owner, true) => "an owner",
        (JournalRole.CoAuthor, false) => "co-author",
        (JournalRole.CoAuthor, true) => "a co-author",
        (JournalRole.Moderator, false) => "moderator",
        (JournalRole.Moderator, true) => "a moderator",
        (_, false) => "approved reader",
        _ => "an approved reader",
    };

    /// <summary>What an invitation to <paramref name="role"/> asks someone to do with a journal.</summary>
    public static string InvitedTo(JournalRole role) => role switch
    {
        JournalRole.CoAuthor => "write in",
        JournalRole.Moderator => "read and moderate the comments of",
        _ => "read",
    };

    /// <summary>What the add and invite forms say when the role is not one they hand out.</summary>
    internal const string ChooseAddableRole = "Choose co-author, moderator or approved reader.";

    /// <summary>What every form that asks for an e-mail address says when it is not one.</summary>
    internal const string NotAnEmailMessage = "Enter your e-mail address, like name@example.org.";

    internal static bool IsEmail(string email) =>
        email.Length is > 2 and <= 256 && new EmailAddressAttribute().IsValid(email) && !email.Any(char.IsWhiteSpace);

    // Someone who became a member no longer needs the owner to answer their request.
    private async Task ResolvePendingRequestsAsync(int journalId, string userId, CancellationToken ct)
    {
        var pending = await db.AccessRequests
            .Where(r => r.JournalId == journalId && r.UserId == userId && r.Status == AccessRequestStatus.Pending).ToListAsync(ct);
        foreach (var request in pending)
        {
            request.Status = AccessRequestStatus.Approved;
            request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        }
    }

    private Task<JournalMember?> FindAsync(int journalId, string userId, CancellationToken ct) =>
        db.JournalMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.JournalId == journalId && m.UserId == userId, ct);
}
