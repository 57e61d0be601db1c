using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The outbox, its background sender and the unsubscribe page. Features add mail composers, unsubscribe targets and jobs.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => o.IsValid(), "Notifications: PollSeconds, RetryBaseSeconds, LeaseSeconds and AnnounceWithinHours must be positive, BatchSize 1–500, MaxAttempts at least 1, DigestTimeUtc within a day.")
            .ValidateOnStart();

        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxClaims>();
        services.AddScoped<OutboxProcessor>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<Unsubscribing>();
        services.AddSingleton<NotificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWorker>());
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Notifications/Unsubscribe", "follow/unsubscribe/{token}"));
        return services;
    }

    /// <summary>Adds a job to every round of the notification worker (see <see cref="INotificationJob"/>).</summary>
    public static IServiceCollection AddNotificationJob<TJob>(this IServiceCollection services) where TJob : class, INotificationJob
    {
        services.AddScoped<TJob>();
        services.Configure<NotificationJobs>(jobs => jobs.Types.Add(typeof(TJob)));
        return services;
    }
}
