using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;

namespace HsctJournals.Web.Followers;

public static class FollowersExtensions
{
    /// <summary>
    /// Following a journal by e-mail: the follow and confirm pages, the follow box on journal pages, the new-post
    /// and digest mails and their unsubscribe links. Built on Notifications (outbox, worker) and Journals.
    /// </summary>
    public static IServiceCollection AddFollowers(this IServiceCollection services)
    {
        services.AddScoped<Following>();
        services.AddScoped<IMailComposer, FollowerMails>();
        services.AddScoped<IUnsubscribeTarget, FollowerUnsubscribe>();
        // Each round announces new posts first, then queues the digests that are due.
        services.AddNotificationJob<PostAnnouncer>();
        services.AddNotificationJob<DigestScheduler>();
        services.AddSingleton(new JournalAside("/Followers/_FollowForm.cshtml", Order: 10));
        return services;
    }
}
