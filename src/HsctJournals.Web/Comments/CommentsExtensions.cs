namespace HsctJournals.Web.Comments;

public static class CommentsExtensions
{
    /// <summary>Comment posting, threads, moderation.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services) => services;
}
