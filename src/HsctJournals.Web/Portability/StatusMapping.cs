using HsctJournals.Domain.Portability;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Our post and comment statuses and the Domain's WordPress vocabulary (<see cref="WordPressStatuses"/>), mapped by
/// name: the enums are kept in step by hand, and a cast through <c>int</c> would silently pair whatever shares a number.
/// </summary>
internal static class StatusMapping
{
    public static ImportedPostStatus ToImported(PostStatus status) => status switch
    {
        PostStatus.Draft => ImportedPostStatus.Draft,
        PostStatus.Scheduled => ImportedPostStatus.Scheduled,
        PostStatus.Published => ImportedPostStatus.Published,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static PostStatus ToPost(ImportedPostStatus status) => status switch
    {
        ImportedPostStatus.Draft => PostStatus.Draft,
        ImportedPostStatus.Scheduled => PostStatus.Scheduled,
        ImportedPostStatus.Published => PostStatus.Published,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ImportedCommentStatus ToImported(CommentStatus status) => status switch
    {
        CommentStatus.Pending => ImportedCommentStatus.Pending,
        CommentStatus.Approved => ImportedCommentStatus.Approved,
        CommentStatus.Spam => ImportedCommentStatus.Spam,
        CommentStatus.Trash => ImportedCommentStatus.Trash,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static CommentStatus ToComment(ImportedCommentStatus status) => status switch
    {
        ImportedCommentStatus.Pending => CommentStatus.Pending,
        ImportedCommentStatus.Approved => CommentStatus.Approved,
        ImportedCommentStatus.Spam => CommentStatus.Spam,
        ImportedCommentStatus.Trash => CommentStatus.Trash,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
