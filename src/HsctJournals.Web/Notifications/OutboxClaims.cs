using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// Claims due, unsent outbox messages for this node by setting <see cref="OutboxMessage.LockedUntil"/>
/// (a lease): a claimed message is skipped by every other claim until it is sent, fails, or the
/// lease passes (the claiming node died). So a message is sent at most once per claim.
/// </summary>
/// <remarks>
/// PostgreSQL (several app nodes): <c>SELECT … FOR UPDATE SKIP LOCKED</c> in a transaction, so
/// concurrent claimers take disjoint rows without waiting for each other. SQLite (one node, one
/// writer at a time): the candidates still free are read and leased in one write transaction, which SQLite
/// serialises with every other writer, so one lock per batch.
/// </remarks>
public sealed class OutboxClaims(JournalsDbContext db, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now.AddSeconds(o.LeaseSeconds);
        var claimed = db.Database.IsNpgsql()
            ? await ClaimWithSkipLockedAsync(now, lease, o, ct)
            : await ClaimWithConditionalUpdateAsync(now, lease, o, ct);
        db.ChangeTracker.Clear();
        return claimed;
    }

    private async Task<List<OutboxMessage>> ClaimWithSkipLockedAsync(DateTime now, DateTime lease, NotificationOptions o, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.OutboxMessages.FromSql($"""
            SELECT * FROM "OutboxMessages"
            WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Attempts" < {o.MaxAttempts}
              AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
            ORDER BY "NextAttemptAt"
            LIMIT {o.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var row in rows) row.LockedUntil = lease;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows;
    }

    private async Task<List<OutboxMessage>> ClaimWithConditionalUpdateAsync(DateTime now, DateTime lease, NotificationOptions o, CancellationToken ct)
    {
        // Looked for without a lock: an idle poll never takes SQLite's write lock.
        var candidates = await Free(db.OutboxMessages, now)
            .Where(m => m.NextAttemptAt <= now && m.Attempts < o.MaxAttempts)
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        // Then one write transaction for the whole batch (not one per message, each competing with the comment writer):
        // SQLite's transactions take the write lock at BEGIN, so no other claim runs between reading which candidates
        // are still free and taking them.
        List<long> ours;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            ours = await Free(db.OutboxMessages, now).Where(m => candidates.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
            if (ours.Count == 0) return [];
            await db.OutboxMessages.Where(m => ours.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease), ct);
            await transaction.CommitAsync(ct);
        }
        return await db.OutboxMessages.AsNoTracking().Where(m => ours.Contains(m.Id)).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
    }

    /// <summary>Unsent and not leased to anyone (or the lease ran out: its node died).</summary>
    private static IQueryable<OutboxMessage> Free(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now));
}
