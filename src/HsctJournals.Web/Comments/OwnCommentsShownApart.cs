using System.Linq.Expressions;
using HsctJournals.Domain.Comments;
using HsctJournals.Web.Data;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Which of a commenter's own comments make a page look different to them from what every other reader gets: one
/// held for moderation (shown to its author alone) or one they may still edit (it carries their edit and delete
/// links). Nothing else about a comment depends on who reads it. So a reader with none of these under a post gets
/// the approved threads everyone gets (<see cref="CommentThreads"/>), and a browser with none anywhere may be
/// answered from the shared page cache (<see cref="CommenterPages"/>).
/// </summary>
public static class OwnCommentsShownApart
{
    /// <summary>
    /// The rule, over comments already known to be the reader's own: the ids of the held ones and of the ones still
    /// editable. Asked as two queries joined (UNION ALL) rather than one with an OR, so that each is a seek on an index
    /// ending in (status, time) and a person with thousands of comments under a post is not walked through all of them
    /// on every page they read (decision 0062). Kept as an expression so a compiled query can state it too.
    /// </summary>
    private static readonly Expression<Func<IQueryable<Comment>, DateTime, IQueryable<int>>> Rule = (own, editableSince) =>
        own.Where(c => c.Status == CommentStatus.Pending).Select(c => c.Id)
            .Concat(own.Where(c => c.Status == CommentStatus.Approved && c.CreatedAt > editableSince).Select(c => c.Id));

    private static readonly Func<IQueryable<Comment>, DateTime, IQueryable<int>> Apply = Rule.Compile();

    /// <summary>The rule applied to <paramref name="own"/>; inside a query passed to <see cref="Inline{T}"/> it stands for the rule.</summary>
    /// <param name="editableSince">Comments created after this may still be edited by their author (<see cref="CommentOptions.EditableSince"/>).</param>
    public static IQueryable<int> Among(IQueryable<Comment> own, DateTime editableSince) => Apply(own, editableSince);

    private static readonly QueryRule<Func<IQueryable<Comment>, DateTime, IQueryable<int>>> InQueries = new(Among, Rule);

    /// <summary>The query with each <see cref="Among"/> written out as the rule, for a compiled query.</summary>
    public static Expression<T> Inline<T>(Expression<T> query) => InQueries.Inline(query);
}
