using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The outbox, its background sender and jobs, mail composers and the follow pages.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => o.IsValid(), "Notifications: PollSeconds, RetryBaseSeconds, LeaseSeconds and AnnounceWithinHours must be positive, BatchSize 1–500, MaxAttempts at least 1, DigestTimeUtc within a day.")
            .ValidateOnStart();

        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxClaims>();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<IMailComposer, FollowerMails>();
        services.AddScoped<PostAnnouncer>();
        services.AddScoped<DigestScheduler>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<Following>();
        services.AddScoped<Unsubscribing>();
        services.AddScoped<IUnsubscribeTarget, FollowerUnsubscribe>();
        services.AddSingleton<NotificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWorker>());
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Notifications/Unsubscribe", "follow/unsubscribe/{token}"));
        return services;
    }
}
