using System.Security.Claims;
using System.Text.RegularExpressions;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Notifications;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Admin;

/// <summary>
/// The admin's view of outgoing mail: how SMTP is configured, a test message sent through the same sender
/// every account mail uses, and the outbox messages that gave up, to retry or discard.
/// </summary>
public sealed partial class MailAdministration(
    JournalsDbContext db, IEmailSender sender, IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> notifications,
    OutboxSignal signal, AdminAudit audit, TimeProvider clock, ILogger<MailAdministration> log)
{
    /// <summary>The SMTP settings (never the password) and the outbox at a glance.</summary>
    public sealed record Status(string? Host, int Port, string Security, string From, bool Authenticates, int Waiting, int GaveUp, DateTime? LastSentAt);

    /// <summary>A message that used up its attempts. Recipients are not shown: they may be commenters' addresses.</summary>
    public sealed record GaveUpMessage(long Id, string Type, DateTime CreatedAt, int Attempts, string LastError);

    public async Task<Status> StatusAsync(CancellationToken ct)
    {
        var s = smtp.Value;
        var max = notifications.Value.MaxAttempts;
        var waiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.Attempts < max, ct);
        var gaveUp = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.Attempts >= max, ct);
        var last = await db.OutboxMessages.Where(m => m.SentAt != null).MaxAsync(m => m.SentAt, ct);
        return new Status(string.IsNullOrWhiteSpace(s.Host) ? null : s.Host, s.Port, s.Security, s.From, !string.IsNullOrEmpty(s.UserName), waiting, gaveUp, last);
    }

    /// <summary>Sends a test message now and says what the server answered.</summary>
    public async Task<AdminResult> SendTestAsync(ClaimsPrincipal admin, string? to, CancellationToken ct)
    {
        to = to?.Trim() ?? "";
        if (!JournalMembership.IsEmail(to)) return AdminResult.Fail("Enter the address to send the test to, like name@example.org.");
        AdminResult result;
        try
        {
            await sender.SendEmailAsync(to, "Test message from the site",
                "<p>This is a test message sent by a site admin from the mail page. If you can read it, outgoing mail works.</p>");
            result = AdminResult.Ok(string.IsNullOrWhiteSpace(smtp.Value.Host)
                ? $"No SMTP server is configured (Smtp:Host is empty): the message to {to} was written to the log instead of sent."
                : $"The SMTP server accepted the test message to {to}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The admin's test message could not be sent.");
            result = AdminResult.Fail($"The test message could not be sent: {e.GetType().Name}: {e.Message}");
        }
        await audit.RecordAsync(admin, "Test mail sent", result.Succeeded ? $"to {to}" : $"to {to}, failed", ct);
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<List<GaveUpMessage>> GaveUpAsync(CancellationToken ct)
    {
        var max = notifications.Value.MaxAttempts;
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.Attempts >= max)
            .OrderByDescending(m => m.Id).Take(200)
            .Select(m => new { m.Id, m.Type, m.CreatedAt, m.Attempts, m.LastError }).ToListAsync(ct);
        return rows.Select(m => new GaveUpMessage(m.Id, m.Type, m.CreatedAt, m.Attempts, WithoutAddresses(m.LastError ?? ""))).ToList();
    }

    /// <summary>Puts a message that gave up back in the queue with all its attempts again, and wakes the sender.</summary>
    public async Task<AdminResult> RetryAsync(ClaimsPrincipal admin, long id, CancellationToken ct)
    {
        var max = notifications.Value.MaxAttempts;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null && m.Attempts >= max)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
        if (changed == 0) return AdminResult.Fail("That message is no longer waiting for a decision.");
        await audit.RecordAsync(admin, "Outbox message retried", $"message {id}", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Notify();
        return AdminResult.Ok($"Message {id} is queued again.");
    }

    /// <summary>Deletes a message that gave up: it will never be sent.</summary>
    public async Task<AdminResult> DiscardAsync(ClaimsPrincipal admin, long id, CancellationToken ct)
    {
        var max = notifications.Value.MaxAttempts;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null && m.Attempts >= max).ExecuteDeleteAsync(ct);
        if (deleted == 0) return AdminResult.Fail("That message is no longer waiting for a decision.");
        await audit.RecordAsync(admin, "Outbox message discarded", $"message {id}", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AdminResult.Ok($"Message {id} was discarded.");
    }

    // A mail server's refusal often quotes the recipient, who may be a commenter: their address stays out of the admin screen.
    internal static string WithoutAddresses(string error) => Address().Replace(error, "[address]");

    [GeneratedRegex(@"[^\s<>""'()\[\],;:]+@[^\s<>""'()\[\],;:]+")]
    private static partial Regex Address();
}
