using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HsctJournals.Web.Data;

/// <summary>
/// Runs the work a <see cref="JournalsDbContext"/> was given with <see cref="JournalsDbContext.AfterCommitAsync"/>
/// once its transaction has committed. A transaction rolled back drops the work, and so does the next one started
/// (one disposed without either changed nothing). Registered on both providers.
/// </summary>
public sealed class AfterCommit : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is JournalsDbContext db) await db.RunAfterCommitAsync();
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is JournalsDbContext db) db.RunAfterCommitAsync().GetAwaiter().GetResult();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as JournalsDbContext)?.DropAfterCommit();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as JournalsDbContext)?.DropAfterCommit();

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as JournalsDbContext)?.DropAfterCommit();
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as JournalsDbContext)?.DropAfterCommit();
        return result;
    }
}
