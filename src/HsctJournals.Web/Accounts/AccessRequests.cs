using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Signed-in readers ask to read an ApprovedReaders journal; its owners approve or decline.
/// Asking never tells the visitor whether the journal exists (design invariant 1): the request
/// is recorded only when it makes sense, and the caller shows the same answer either way.
/// </summary>
public sealed class AccessRequests(JournalsDbContext db, JournalMembership membership, AccountMail mail, TimeProvider clock, Caching.PageCacheEviction cache)
{
    public const int MessageMaxLength = 500;

    /// <summary>A pending request as the owner sees it: the requester's public name, never their address.</summary>
    public sealed record Pending(int Id, string DisplayName, string? Message, DateTime CreatedAt);

    /// <summary>Validates the message the same way for every slug, so errors do not reveal a journal either.</summary>
    public static string? ValidateMessage(string? message) =>
        (message?.Trim().Length ?? 0) > MessageMaxLength ? $"The message can be at most {MessageMaxLength} characters." : null;

    /// <summary>
    /// Records a request when <paramref name="slug"/> names an ApprovedReaders journal the user cannot
    /// read yet and no request of theirs is pending; then tells the owners by e-mail. Otherwise does nothing.
    /// </summary>
    public async Task RequestAsync(string slug, string userId, string? message, CancellationToken ct = default)
    {
        var journal = await db.Journals.AsNoTracking()
            .Where(j => j.Slug == slug && j.Visibility == JournalVisibility.ApprovedReaders)
            .Select(j => new { j.Id, j.Slug, j.Title })
            .FirstOrDefaultAsync(ct);
        if (journal is null) return;
        var alreadyMember = await db.JournalMembers.AnyAsync(m => m.JournalId == journal.Id && m.UserId == userId, ct);
        var alreadyPending = await db.AccessRequests.AnyAsync(r => r.JournalId == journal.Id && r.UserId == userId && r.Status == AccessRequestStatus.Pending, ct);
        if (alreadyMember || alreadyPending) return;

        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        db.AccessRequests.Add(new AccessRequest { JournalId = journal.Id, UserId = userId, Message = text, Status = AccessRequestStatus.Pending, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);

        var requester = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
        var owners = await OwnerAddressesAsync(journal.Id, ct);
        var members = mail.Link($"/j/{journal.Slug}/members");
        var body = $"<p>{AccountMail.Encode(requester)} asked to read your journal “{AccountMail.Encode(journal.Title)}”.</p>"
            + (text is null ? "" : $"<blockquote>{AccountMail.Encode(text)}</blockquote>")
            + $"<p>Approve or decline on the members page: <a href=\"{members}\">{members}</a></p>";
        // One message per owner, so no owner sees another's address.
        foreach (var owner in owners)
            await mail.TrySendAsync(owner, $"Request to read {journal.Title}", body);
    }

    public Task<List<Pending>> PendingAsync(int journalId, CancellationToken ct = default) =>
        db.AccessRequests.AsNoTracking()
            .Where(r => r.JournalId == journalId && r.Status == AccessRequestStatus.Pending)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new Pending(r.Id, r.User.DisplayName, r.Message, r.CreatedAt))
            .ToListAsync(ct);

    /// <summary>Makes the requester an approved reader and tells them.</summary>
    public async Task<MembershipResult> ApproveAsync(Journal journal, int requestId, CancellationToken ct = default)
    {
        var request = await FindPendingAsync(journal.Id, requestId, ct);
        if (request is null) return MembershipResult.Fail("That request was already answered or withdrawn.");

        await membership.GrantAsync(journal.Id, request.UserId, JournalRole.ApprovedReader, ct);
        request.Status = AccessRequestStatus.Approved;
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(journal.Id, ct);

        var home = mail.Link($"/j/{journal.Slug}");
        var body = $"<p>You can now read “{AccountMail.Encode(journal.Title)}”: "
            + $"<a href=\"{home}\">{home}</a></p>"
            + "<p>Sign in with this account to read it.</p>";
        var sent = request.User.Email is { } to && await mail.TrySendAsync(to, $"You can now read {journal.Title}", body);
        return MembershipResult.Ok($"{request.User.DisplayName} can now read the journal."
            + (sent ? " They have been told by e-mail." : " The e-mail to tell them could not be sent."));
    }

    /// <summary>Declines quietly: the requester is not e-mailed.</summary>
    public async Task<MembershipResult> DeclineAsync(Journal journal, int requestId, CancellationToken ct = default)
    {
        var request = await FindPendingAsync(journal.Id, requestId, ct);
        if (request is null) return MembershipResult.Fail("That request was already answered or withdrawn.");
        request.Status = AccessRequestStatus.Declined;
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return MembershipResult.Ok($"The request from {request.User.DisplayName} was declined.");
    }

    private Task<AccessRequest?> FindPendingAsync(int journalId, int requestId, CancellationToken ct) =>
        db.AccessRequests.Include(r => r.User)
            .FirstOrDefaultAsync(r => r.Id == requestId && r.JournalId == journalId && r.Status == AccessRequestStatus.Pending, ct);

    private async Task<List<string>> OwnerAddressesAsync(int journalId, CancellationToken ct) =>
        (await db.JournalMembers.Where(m => m.JournalId == journalId && m.Role == JournalRole.Owner)
            .Select(m => m.User.Email).ToListAsync(ct))
        .OfType<string>().ToList();
}
