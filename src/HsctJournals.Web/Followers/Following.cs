using System.ComponentModel.DataAnnotations;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>
/// Following a journal by e-mail (double opt-in) and confirming (unsubscribing: <see cref="Unsubscribing"/>). Whoever may read
/// a journal may follow it: anyone for a public (or unlisted) journal, members for the others —
/// the access rule decides, and the caller answers 404 for a journal the reader cannot read.
/// The answer is the same whether or not the address already follows, so the form cannot be used
/// to find out who follows whom.
/// </summary>
public sealed class Following(JournalsDbContext db, Outbox outbox, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>How long before a second request for an unconfirmed address sends another confirmation.</summary>
    private static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(10);

    /// <summary>An error message for the e-mail field, or null if it is usable.</summary>
    public static string? ValidateEmail(string? email)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email)) return "Enter your e-mail address.";
        if (email.Length > EmailAddresses.MaxLength || !new EmailAddressAttribute().IsValid(email) || !MimeKit.MailboxAddress.TryParse(email, out _))
            return "Enter an e-mail address like name@example.org.";
        return null;
    }

    /// <summary>
    /// Records the request and queues the confirmation e-mail (unless one was sent just now or the
    /// address already follows). Returns an error for the e-mail field, or null.
    /// </summary>
    /// <remarks>
    /// A follow is tied to the reader's account only when the address is the account's own, and a
    /// journal closed to the public can be followed only with that address: otherwise a member could
    /// have a non-member's address receive posts they may not read.
    /// </remarks>
    public async Task<string?> FollowAsync(Journal journal, Reader reader, string? accountEmail, string email, FollowFrequency frequency, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        var own = accountEmail is not null && string.Equals(email, accountEmail.Trim(), StringComparison.OrdinalIgnoreCase);
        if (journal.Visibility is not (JournalVisibility.Public or JournalVisibility.Unlisted) && !own)
            return "This journal is shared with its members only: follow it with your account's e-mail address.";
        var userId = own ? reader.UserId : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Followers.FirstOrDefaultAsync(f => f.JournalId == journal.Id && f.Email == email, ct);
        if (existing is { ConfirmedAt: not null }) return null; // already following: nothing to do, same answer
        if (existing is not null && now - existing.CreatedAt < ResendAfter) return null;

        var secret = SecretTokens.New("fc_");
        if (existing is null)
        {
            db.Followers.Add(new Follower
            {
                JournalId = journal.Id, Email = email, UserId = userId, Frequency = frequency,
                TokenHash = SecretTokens.Hash(secret), CreatedAt = now,
            });
        }
        else
        {
            // A fresh link; the old one stops working.
            existing.TokenHash = SecretTokens.Hash(secret);
            existing.CreatedAt = now;
            existing.Frequency = frequency;
            existing.UserId ??= userId;
        }
        outbox.Enqueue(Outbox.ConfirmFollow, new FollowConfirmMessage(secret));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address was entered twice at once; the other request sends the confirmation.
            return null;
        }
        signal.Notify();
        return null;
    }

    /// <summary>The pending or confirmed follow a confirmation link points at, or null.</summary>
    public Task<FollowLink?> FindByConfirmSecretAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200) return Task.FromResult<FollowLink?>(null);
        var hash = SecretTokens.Hash(secret);
        return db.Followers.Where(f => f.TokenHash == hash)
            .Select(f => new FollowLink(f.Journal.Title, f.Journal.Slug, f.Frequency, f.ConfirmedAt != null)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Confirms the follow; null when the link is not valid.</summary>
    public async Task<FollowLink?> ConfirmAsync(string? secret, CancellationToken ct)
    {
        var link = await FindByConfirmSecretAsync(secret, ct);
        if (link is null) return null;
        var hash = SecretTokens.Hash(secret!);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Followers.Where(f => f.TokenHash == hash && f.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ConfirmedAt, now), ct);
        return link with { Confirmed = true };
    }
}

/// <summary>What a confirmation link is for, as shown on the confirmation page.</summary>
public sealed record FollowLink(string JournalTitle, string JournalSlug, FollowFrequency Frequency, bool Confirmed);
