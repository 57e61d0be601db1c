using HsctJournals.Web.Caching;

namespace HsctJournals.Web.Comments;

public static class CommentsExtensions
{
    /// <summary>Comment posting, threads, moderation.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CommentKeys>();
        services.AddSingleton<FormTimestamp>();
        services.AddSingleton<CommentCookies>();
        services.AddSingleton<CommentThreadHtml>();
        services.AddSingleton<ApprovedThreadShapes>();
        services.AddSingleton<ApprovedThreadViews>();
        services.AddSingleton<CommentGroupCommit>();
        services.AddScoped<CommentStore>();
        services.AddScoped<CommentService>();
        services.AddScoped<CommentModerator>();
        services.AddScoped<OwnComments>();
        services.AddScoped<CommentThreads>();
        services.AddScoped<ISharedPageCookieCheck, CommenterPages>();
        services.AddScoped<CommentFeeds>();
        // Comment mails and their unsubscribe links: Notifications sends them without knowing comments.
        services.AddScoped<Notifications.IMailComposer, CommentMails>();
        services.AddScoped<Notifications.IUnsubscribeTarget, CommentReplyUnsubscribe>();
        services.AddScoped<ModerationQueue>();
        services.AddScoped<Journals.IJournalLinkSource, CommentLinks>();
        // The comments under a post and their form: a section of the post page (decision 0046).
        services.AddScoped<Journals.IPostSection, CommentPostSection>();
        services.AddHostedService<IpHashCleanup>();
        return services;
    }

    /// <summary>
    /// Comment feeds. The pages (queue, settings, own edits) carry their own routes; the comments API
    /// (<see cref="CommentsApi"/>) is mapped onto the one /api/v1 group by the Api folder.
    /// </summary>
    public static WebApplication MapComments(this WebApplication app)
    {
        CommentFeeds.Map(app);
        return app;
    }
}
