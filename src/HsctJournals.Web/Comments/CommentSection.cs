using HsctJournals.Domain.Comments;

namespace HsctJournals.Web.Comments;

/// <summary>Everything the comments under a post need: one page of threads and the form's state.</summary>
public sealed class CommentSection
{
    public required string JournalSlug { get; init; }
    public required string PostSlug { get; init; }
    public string PostUrl => $"/j/{JournalSlug}/posts/{PostSlug}";
    public required CommentForest<CommentView> Forest { get; init; }
    public required CommentPage<CommentView> Page { get; init; }
    public required DateTime NowUtc { get; init; }
    /// <summary>The remembered approved threads the page was cut from (<see cref="ApprovedThreadViews"/>); null when built for this reader.</summary>
    public RememberedThreadsKey? Remembered { get; init; }
    /// <summary>The post's count of approved comments, for the section's heading.</summary>
    public int CommentCount { get; set; }
    /// <summary>The comment the no-JavaScript reply form is shown under.</summary>
    public CommentNode<CommentView>? ReplyTo { get; set; }
    /// <summary>The form's fields; named like the post page's bound property so they post (and re-show) as <c>Input.*</c>.</summary>
    public CommentForm Input { get; set; } = new();
    public string FormTimestamp { get; set; } = "";
    /// <summary>The signed-in commenter's display name; the name, e-mail and website fields are then not shown.</summary>
    public string? SignedInName { get; init; }
    /// <summary>Why the form is not shown (closed, or this reader may not comment).</summary>
    public string? Unavailable { get; init; }
    /// <summary>Unavailable only until the reader signs in.</summary>
    public bool SignInMayHelp { get; init; }
    /// <summary>A problem with the whole submission (too fast, too many, closed…), shown above the form.</summary>
    public string? Error { get; set; }
    /// <summary>The per-post comment feed, when anonymous readers may read the journal.</summary>
    public string? FeedPath { get; init; }

    public bool FormShown => Unavailable is null;
    /// <summary>The link to one comment on the page <paramref name="page"/> of its post's thread.</summary>
    public static string CommentLink(string journalSlug, string postSlug, int page, long commentId) =>
        $"/j/{journalSlug}/posts/{postSlug}{(page == 1 ? "" : $"?cpage={page}")}#comment-{commentId}";
    public string PageLink(int page) => page == 1 ? $"{PostUrl}#comments" : $"{PostUrl}?cpage={page}#comments";
    public string ReplyLink(int id) => Page.Number == 1 ? $"{PostUrl}?replyto={id}#respond" : $"{PostUrl}?cpage={Page.Number}&replyto={id}#respond";
    public string CancelReplyLink => Page.Number == 1 ? $"{PostUrl}#respond" : $"{PostUrl}?cpage={Page.Number}#respond";
    public string FormAction => Page.Number == 1
        ? $"{PostUrl}?handler={CommentPostSection.HandlerName}#respond"
        : $"{PostUrl}?handler={CommentPostSection.HandlerName}&cpage={Page.Number}#respond";
}
