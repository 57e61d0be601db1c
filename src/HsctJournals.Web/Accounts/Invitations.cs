using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Owners invite someone by e-mail; the message carries a secret link (only its hash is stored)
/// that any signed-in account can accept once before it expires. Revoking deletes the row, so
/// the link then looks like any unknown link.
/// </summary>
public sealed class Invitations(JournalsDbContext db, JournalMembership membership, AccountMail mail, TimeProvider clock, Caching.PageCacheEviction cache)
{
    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>An invitation not yet accepted, as the owner sees it.</summary>
    public sealed record Pending(int Id, string Email, JournalRole Role, DateTime ExpiresAt, bool Expired);

    /// <summary>An invitation whose link still works, with what the invited person needs to decide.</summary>
    public sealed record Open(int Id, int JournalId, string JournalSlug, string JournalTitle, JournalRole Role);

    /// <summary>Creates an invitation and e-mails its link to <paramref name="email"/>.</summary>
    public async Task<MembershipResult> InviteAsync(Journal journal, string? email, JournalRole role, CancellationToken ct = default)
    {
        email = email?.Trim() ?? "";
        if (!JournalMembership.IsEmail(email)) return MembershipResult.Fail("Enter the e-mail address to invite, like name@example.org.");
        if (!JournalMembership.AddableRoles.Contains(role)) return MembershipResult.Fail(JournalMembership.ChooseAddableRole);

        var secret = SecretTokens.New("inv_");
        var now = clock.GetUtcNow().UtcDateTime;
        db.JournalInvitations.Add(new JournalInvitation
        {
            JournalId = journal.Id, Email = email, Role = role, TokenHash = SecretTokens.Hash(secret),
            CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);

        var link = mail.Link($"/invitations/{secret}");
        var body = $"<p>You are invited to {JournalMembership.InvitedTo(role)} the journal “{AccountMail.Encode(journal.Title)}” on {AccountMail.Encode(await mail.SiteNameAsync(ct))}.</p>"
            + $"<p>Open this link to accept (it works for {Lifetime.Days} days): <a href=\"{link}\">{link}</a></p>"
            + "<p>You will need to sign in, or create an account if you have none. If you did not expect this, ignore this message.</p>";
        var sent = await mail.TrySendAsync(email, $"Invitation to {journal.Title}", body);
        return sent
            ? MembershipResult.Ok($"An invitation was sent to {email}.")
            : MembershipResult.Fail($"The invitation to {email} was saved but the e-mail could not be sent. Revoke it and try again later.");
    }

    public async Task<List<Pending>> PendingAsync(int journalId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.JournalInvitations.AsNoTracking()
            .Where(i => i.JournalId == journalId && i.AcceptedAt == null)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new Pending(i.Id, i.Email, i.Role, i.ExpiresAt, i.ExpiresAt <= now))
            .ToListAsync(ct);
    }

    /// <summary>The invitation behind a link, or null when the link is unknown, used, revoked or expired.</summary>
    public async Task<Open?> FindOpenAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = SecretTokens.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.JournalInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now)
            .Select(i => new Open(i.Id, i.JournalId, i.Journal.Slug, i.Journal.Title, i.Role))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Makes the user a member as invited (never lowering a role they have) and uses up the link.</summary>
    public async Task<Open?> AcceptAsync(string? secret, string userId, CancellationToken ct = default)
    {
        var open = await FindOpenAsync(secret, ct);
        if (open is null) return null;
        var invitation = await db.JournalInvitations.FirstAsync(i => i.Id == open.Id, ct);
        await membership.GrantAsync(open.JournalId, userId, open.Role, ct);
        invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        invitation.AcceptedByUserId = userId;
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(open.JournalId, ct);
        return open;
    }

    /// <summary>Deletes a pending invitation of this journal; its link then leads nowhere.</summary>
    public async Task<MembershipResult> RevokeAsync(Journal journal, int invitationId, CancellationToken ct = default)
    {
        var invitation = await db.JournalInvitations
            .FirstOrDefaultAsync(i => i.Id == invitationId && i.JournalId == journal.Id && i.AcceptedAt == null, ct);
        if (invitation is null) return MembershipResult.Fail("That invitation was already accepted or revoked.");
        db.JournalInvitations.Remove(invitation);
        await db.SaveChangesAsync(ct);
        return MembershipResult.Ok($"The invitation to {invitation.Email} was revoked; its link no longer works.");
    }
}
