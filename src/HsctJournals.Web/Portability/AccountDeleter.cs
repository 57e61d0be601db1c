using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Deletes an account completely (GDPR Art. 17) in one transaction: the journals the person alone
/// owns are deleted or handed to a co-author as they chose, their posts in journals that stay are
/// signed "Deleted user" and given to the journal's owner, their comments are anonymised or removed,
/// their follows, tokens, memberships, invitations and the mail queued to them go. Nothing is half-deleted: any failure
/// rolls everything back.
/// </summary>
public sealed class AccountDeleter(JournalsDbContext db, UserManager<AppUser> users, JournalDeleter journals, Caching.PageCacheEviction cache)
{
    /// <summary>The name shown where a deleted person's words stay.</summary>
    public const string DeletedUserName = "Deleted user";
    /// <summary>What a removed comment that others answered shows, so the replies keep their place.</summary>
    public const string RemovedCommentText = "(This comment was removed by its author.)";

    /// <summary>The journals that need a decision: those the person owns with no other owner.</summary>
    public async Task<IReadOnlyList<OwnedJournal>> SoleOwnedJournalsAsync(string userId, CancellationToken ct)
    {
        var owned = await db.JournalMembers
            .Where(m => m.UserId == userId && m.Role == JournalRole.Owner
                && !db.JournalMembers.Any(o => o.JournalId == m.JournalId && o.UserId != userId && o.Role == JournalRole.Owner))
            .Select(m => new { m.Journal.Id, m.Journal.Slug, m.Journal.Title, m.Journal.Visibility, Posts = m.Journal.Posts.Count() })
            .OrderBy(j => j.Title).ToListAsync(ct);
        var ids = owned.Select(j => j.Id).ToList();
        var coAuthors = await db.JournalMembers
            .Where(m => ids.Contains(m.JournalId) && m.Role == JournalRole.CoAuthor)
            .Select(m => new { m.JournalId, m.UserId, m.User.DisplayName }).ToListAsync(ct);
        return owned.Select(j => new OwnedJournal(j.Id, j.Slug, j.Title, j.Posts,
            coAuthors.Where(c => c.JournalId == j.Id).Select(c => new Successor(c.UserId, c.DisplayName)).OrderBy(c => c.DisplayName).ToList(), j.Visibility)).ToList();
    }

    /// <summary>The site always keeps an admin: its only admin account cannot be deleted, by its owner or anyone.</summary>
    public const string LastAdminMessage = "This is the site's only admin account. Make someone else a site admin first.";

    /// <summary>
    /// Checks the decisions, then deletes. Field errors are keyed <c>Journal-{id}</c>. <paramref name="alongside"/>
    /// runs inside the same transaction after the deletion (the admin screen writes its audit entry and the mail
    /// to the person there), so either everything is saved or nothing is.
    /// </summary>
    public async Task<EditResult<AppUser>> DeleteAsync(AppUser user, AccountDeletionRequest request, CancellationToken ct,
        Func<CancellationToken, Task>? alongside = null)
    {
        var errors = new FieldErrors();
        if (await users.IsInRoleAsync(user, Roles.SiteAdmin) && (await users.GetUsersInRoleAsync(Roles.SiteAdmin)).Count <= 1)
        {
            errors.Add("", LastAdminMessage);
            return errors.Fail<AppUser>();
        }
        var soleOwned = await SoleOwnedJournalsAsync(user.Id, ct);
        foreach (var journal in soleOwned)
        {
            var decision = request.Journals.FirstOrDefault(d => d.JournalId == journal.Id);
            if (decision is null)
                errors.Add($"Journal-{journal.Id}", $"Choose what happens to “{journal.Title}”.");
            else if (decision.Choice == OwnedJournalChoice.HandOver && journal.CoAuthors.All(c => c.UserId != decision.NewOwnerId))
                errors.Add($"Journal-{journal.Id}", $"“{journal.Title}” can only be handed to one of its co-authors.");
        }
        if (errors.Any) return errors.Fail<AppUser>();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var decision in request.Journals.Where(d => soleOwned.Any(j => j.Id == d.JournalId)))
        {
            if (decision.Choice == OwnedJournalChoice.Delete)
                await journals.DeleteAsync(decision.JournalId, ct);
            else
                await db.JournalMembers.Where(m => m.JournalId == decision.JournalId && m.UserId == decision.NewOwnerId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, JournalRole.Owner), ct);
        }

        await HandOverPostsAsync(user.Id, ct);
        var email = (user.Email ?? "").Trim().ToLowerInvariant();
        await CommentEraser.EraseAsync(db, c => c.UserId == user.Id || (email != "" && c.AuthorEmail == email), request.Comments == OwnCommentsChoice.Remove, ct);
        await db.Followers.Where(f => f.UserId == user.Id || (email != "" && f.Email == email)).ExecuteDeleteAsync(ct);
        await Notifications.OutboxRecipients.ForgetAsync(db, email, ct);
        await db.JournalInvitations.Where(i => i.AcceptedByUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedByUserId, (string?)null), ct);
        await db.JournalInvitations.Where(i => i.AcceptedAt == null && i.Email.ToLower() == email).ExecuteDeleteAsync(ct);

        // Tokens, memberships, access requests and Identity's own rows go with the user (ON DELETE CASCADE).
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            errors.Add("", "The account could not be deleted. Nothing was changed; please try again.");
            return errors.Fail<AppUser>();
        }
        if (alongside is not null)
        {
            await alongside(ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        // Their name left posts and comments in any journal, and whole journals may be gone.
        await cache.SiteChangedAsync(ct);
        return EditResult<AppUser>.Ok(user);
    }

    /// <summary>Posts in journals that stay pass to the journal's (earliest) owner and are signed "Deleted user".</summary>
    private async Task HandOverPostsAsync(string userId, CancellationToken ct)
    {
        var journalIds = await db.Posts.Where(p => p.AuthorId == userId).Select(p => p.JournalId).Distinct().ToListAsync(ct);
        foreach (var journalId in journalIds)
        {
            var ownerId = await db.JournalMembers
                .Where(m => m.JournalId == journalId && m.Role == JournalRole.Owner && m.UserId != userId)
                .OrderBy(m => m.CreatedAt).Select(m => m.UserId).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"Journal {journalId} has no other owner to keep the posts.");
            await db.Posts.Where(p => p.JournalId == journalId && p.AuthorId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorId, ownerId).SetProperty(p => p.Byline, DeletedUserName), ct);
        }
    }
}
