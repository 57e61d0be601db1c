namespace HsctJournals.Web.Notifications;

/// <summary>The job types registered with <see cref="NotificationsExtensions.AddNotificationJob{TJob}"/>, in registration order.</summary>
public sealed class NotificationJobs
{
    public List<Type> Types { get; } = [];
}
