using System.Linq.Expressions;
using HsctJournals.Web.Data;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Whose comment it is: the reader's when it carries their account or the hash of their browser's commenter secret
/// (<see cref="CommentCookies"/>). The one statement of it for every query that asks (the comments a reader sees, the
/// ones marked as theirs, "has something of their own here", their own comment to edit).
/// </summary>
public static class CommentOwnership
{
    /// <summary>The rule, with the reader's account id and secret hash (either may be null) as parameters.</summary>
    private static readonly QueryRule<Func<Comment, string?, string?, bool>> Rule = new(IsOwnedBy, (c, userId, tokenHash) =>
        (userId != null && c.UserId == userId) || (tokenHash != null && c.AuthorTokenHash == tokenHash));

    /// <summary>Stands for the rule in a query passed to <see cref="Expand{T}"/>; never called.</summary>
    public static bool IsOwnedBy(Comment comment, string? userId, string? tokenHash) => throw QueryRule.StandInCalled("the ownership rule");

    /// <summary>The query with each <see cref="IsOwnedBy"/> written out as the rule.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => Rule.Inline(query);

    /// <summary><see cref="Expand{T}"/> for a lambda over one comment, whose result type (an anonymous one) is inferred.</summary>
    public static Expression<Func<Comment, TResult>> Of<TResult>(Expression<Func<Comment, TResult>> query) => Expand(query);
}
