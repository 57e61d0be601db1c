namespace HsctJournals.Web.Notifications;

/// <summary>
/// Work a feature adds to each round of the <see cref="NotificationWorker"/>, before the outbox is delivered
/// (the follow feature queues new-post mails and digests). Register with
/// <see cref="NotificationsExtensions.AddNotificationJob{TJob}"/>; each job runs in its own scope.
/// </summary>
public interface INotificationJob
{
    /// <summary>Queues what is due; returns how many items it queued.</summary>
    Task<int> RunAsync(CancellationToken ct);
}
