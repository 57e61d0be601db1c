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
/// writer at a time): a conditional <c>UPDATE … WHERE LockedUntil is free</c> per candidate;
/// a row another claim got first updates nothing and is not ours.
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
        var candidates = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < o.MaxAttempts
                && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        var ours = new List<long>();
        foreach (var id in candidates)
        {
            var updated = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease), ct);
            if (updated == 1) ours.Add(id);
        }
        return await db.OutboxMessages.AsNoTracking().Where(m => ours.Contains(m.Id)).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
    }
}
