namespace HsctJournals.Web.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The outbox, its background sender and the follow pages.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Outbox>();
        return services;
    }
}
