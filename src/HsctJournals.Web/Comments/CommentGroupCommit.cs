using System.Threading.Channels;
using HsctJournals.Web.Data;
using HsctJournals.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Group commit for new comments (decision record 0040). A request hands its checked comment to this one
/// in-process writer and waits; the writer stores every comment queued meanwhile, with its outbox rows and
/// the posts' counts, in one transaction, and answers each request only after that transaction committed.
/// So an acknowledged comment is exactly as durable as before (decision 0022), but sixteen readers posting
/// at once cost one write lock and one commit instead of sixteen that queue behind SQLite's busy handler.
/// </summary>
/// <remarks>
/// A failed batch (say, one comment's post was deleted after it was checked) is retried one comment at a
/// time, so one bad comment fails only its own request. Nothing is acknowledged that did not commit.
/// </remarks>
public sealed class CommentGroupCommit : IAsyncDisposable
{
    /// <summary>At most this many comments in one transaction: bounds how long one commit holds the lock.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly OutboxSignal _outboxSignal;
    private readonly Task _writer;

    public CommentGroupCommit(IServiceScopeFactory scopes, OutboxSignal outboxSignal)
    {
        _scopes = scopes;
        _outboxSignal = outboxSignal;
        // Not in the execution context of the request that happened to create it: the writer serves every request.
        using (ExecutionContext.SuppressFlow()) _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes once the comment (and its notifications and count) committed; fails if it did not.</summary>
    /// <remarks>Not cancellable: once queued, the comment may be in a batch that is already being written.</remarks>
    public Task StoreAsync(Comment comment)
    {
        var queued = new Queued(comment);
        return _queue.Writer.TryWrite(queued) ? queued.Done.Task
            : Task.FromException(new InvalidOperationException("The application is stopping; the comment was not stored."));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Queued>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var queued)) batch.Add(queued);
            try
            {
                await WriteAsync(batch);
                foreach (var q in batch) q.Done.TrySetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var q in batch) await WriteAloneAsync(q);
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
            batch.Clear();
            _outboxSignal.Notify(); // committed: the sender may deliver now instead of at its next poll
        }
    }

    private async Task WriteAloneAsync(Queued q)
    {
        try
        {
            q.Comment.Id = 0; // the rolled-back batch may have handed out an id
            await WriteAsync([q]);
            q.Done.TrySetResult();
        }
        catch (Exception e)
        {
            q.Done.TrySetException(e);
        }
    }

    /// <summary>One transaction: the comments, then their outbox rows (which need the ids), then each post's count once.</summary>
    private async Task WriteAsync(IReadOnlyList<Queued> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JournalsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var q in batch) db.Comments.Add(q.Comment);
        await db.SaveChangesAsync();
        foreach (var comment in batch.Select(q => q.Comment))
        {
            outbox.Enqueue(Outbox.CommentToOwner, new CommentMessage(comment.Id));
            if (comment.Status == CommentStatus.Approved && comment.ParentId is not null)
                outbox.Enqueue(Outbox.ReplyToCommenter, new CommentMessage(comment.Id));
        }
        await db.SaveChangesAsync();
        foreach (var post in batch.Where(q => q.Comment.Status == CommentStatus.Approved).GroupBy(q => q.Comment.PostId))
            await CommentStore.ShownChangedAsync(db, post.Key, post.Count(), CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try { await _writer; }
        catch (Exception) { /* stopping: whatever was not written was not acknowledged */ }
    }

    private sealed class Queued(Comment comment)
    {
        public Comment Comment { get; } = comment;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
