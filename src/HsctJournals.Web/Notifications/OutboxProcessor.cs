using System.Text.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// Delivers one claimed batch: composes each message, sends it over one SMTP connection, and
/// records the outcome — <c>SentAt</c> on success; on failure one more attempt, the error and the
/// next try after an exponential backoff. Nothing is lost while the mail server is down: the row
/// stays until it is sent or has used up <see cref="NotificationOptions.MaxAttempts"/>.
/// </summary>
/// <remarks>
/// Delivery is at least once at the edge: if the process dies after the SMTP server accepted a
/// message but before <c>SentAt</c> is saved — which happens once per batch, not per message (decision 0055) —
/// the lease runs out and the batch's messages sent so far are sent again.
/// Every other path sends a message at most once per claim. A message for many people (a new
/// post to its followers) first fans out into one <see cref="Outbox.Mail"/> row per recipient,
/// saved in the same transaction that marks it done, so a failure for one reader never re-sends
/// to the others.
/// </remarks>
public sealed class OutboxProcessor(
    JournalsDbContext db,
    OutboxClaims claims,
    IEnumerable<IMailComposer> composers,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    IOptions<SmtpOptions> smtp,
    IOptions<Shared.SiteOptions> site,
    Shared.SiteSettingsStore settings,
    OutboxSignal signal,
    ILogger<OutboxProcessor> log)
{
    /// <summary>Claims and processes one batch; returns how many messages it claimed.</summary>
    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        var batch = await claims.ClaimAsync(ct);
        if (batch.Count == 0) return 0;
        // Messages handed to the mail server (or with nothing to send) are recorded as sent together, in one
        // UPDATE when the batch ends, not one write per message (decision 0055).
        var sent = new List<long>(batch.Count);
        await PrepareAsync(batch, ct);
        try
        {
            await using var session = new SmtpSession(smtp.Value, site.Value.MailDomain, (await settings.ForDisplayAsync(ct)).Name, log);
            foreach (var message in batch)
            {
                try
                {
                    var mails = await ComposeAsync(message, ct);
                    if (mails.Count > 1) await FanOutAsync(message, mails, ct);
                    else
                    {
                        if (mails.Count == 1) await session.SendAsync(mails[0], ct);
                        sent.Add(message.Id);
                    }
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    await MarkFailedAsync(message, e, ct);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            // Also when stopping mid-batch: what went out is recorded, so it is not sent again when the lease passes.
            if (sent.Count > 0) await MarkSentAsync(sent);
        }
        return batch.Count;
    }

    private async Task PrepareAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken ct)
    {
        foreach (var composer in composers)
        {
            var theirs = batch.Where(m => composer.Types.Contains(m.Type)).ToList();
            if (theirs.Count == 0) continue;
            try
            {
                await composer.PrepareAsync(theirs, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not prepare {Count} outbox messages together; composing them one at a time.", theirs.Count);
            }
        }
    }

    private Task<IReadOnlyList<OutgoingMail>> ComposeAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Type == Outbox.Mail)
        {
            var mail = JsonSerializer.Deserialize<OutgoingMail>(message.Payload) ?? throw new InvalidOperationException("Empty mail payload.");
            return Task.FromResult<IReadOnlyList<OutgoingMail>>([mail]);
        }
        var composer = composers.FirstOrDefault(c => c.Types.Contains(message.Type))
            ?? throw new InvalidOperationException($"No composer for outbox message type '{message.Type}'.");
        return composer.ComposeAsync(message, ct);
    }

    private async Task FanOutAsync(OutboxMessage message, IReadOnlyList<OutgoingMail> mails, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var mail in mails)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Type = Outbox.Mail, Payload = JsonSerializer.Serialize(mail), CreatedAt = now, NextAttemptAt = now,
            });
        }
        db.OutboxMessages.Attach(message);
        message.SentAt = now;
        message.LockedUntil = null;
        message.Attempts++;
        await db.SaveChangesAsync(ct); // one transaction: the per-recipient rows and "done"
        signal.Notify();
    }

    private Task MarkSentAsync(List<long> ids)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Not cancellable: the mail went out, so recording that matters more than a prompt shutdown.
        return db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
    }

    private async Task MarkFailedAsync(OutboxMessage message, Exception error, CancellationToken ct)
    {
        var o = options.Value;
        var attempts = message.Attempts + 1;
        var next = clock.GetUtcNow().UtcDateTime + o.RetryDelay(attempts);
        var text = $"{error.GetType().Name}: {error.Message}";
        if (text.Length > 1000) text = text[..1000];
        if (attempts >= o.MaxAttempts)
            log.LogError(error, "Giving up on outbox message {Id} ({Type}) after {Attempts} attempts.", message.Id, message.Type, attempts);
        else
            log.LogWarning(error, "Outbox message {Id} ({Type}) failed (attempt {Attempts}); next try at {Next:O}.", message.Id, message.Type, attempts, next);
        try
        {
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, text), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The database is unreachable too: the lease runs out and the message is retried then.
            log.LogWarning(e, "Could not record the failure of outbox message {Id}.", message.Id);
        }
    }
}
