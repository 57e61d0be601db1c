using HsctJournals.Domain.Comments;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Comments;

/// <summary>Turns a journal's stored settings and a post into the domain's policy inputs.</summary>
public static class CommentPolicies
{
    public static CommentPolicy From(CommentSettings s) => new()
    {
        WhoMayComment = s.WhoMayComment,
        Hold = s.Hold,
        MaxLinksBeforeHold = Math.Max(0, s.MaxLinksBeforeHold),
        HeldWords = Lines(s.HeldWords),
        BlockedWords = Lines(s.BlockedWords),
        CloseAfterDays = s.CloseAfterDays,
        MaxDepth = Math.Clamp(s.ThreadDepth, 1, CommentSettingsLimits.MaxThreadDepth),
        Order = s.NewestFirst ? CommentOrder.NewestFirst : CommentOrder.OldestFirst,
    };

    public static CommentPolicyInput InputFor(Journal journal, Post post) => new(
        From(journal.Comments),
        !post.CommentsOpen,
        post.LiveFrom is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);

    /// <summary>One word or phrase per line, blanks dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Why this reader may not comment on an open post, or null when they may. Mirrors the domain rule
    /// (which has the last word when a comment is posted) so the page can show a sign-in hint instead of a form.
    /// </summary>
    public static string? NotPermittedReason(CommentSettings s, Reader reader, JournalRole? role) =>
        JournalRoles.Allows(role, JournalCapability.Moderate) ? null : (s.WhoMayComment, reader.IsSignedIn, role) switch
    {
        (CommentPermission.SignedInUsers, false, _) => "Please sign in to comment on this journal.",
        (CommentPermission.ApprovedReaders, false, _) => "Please sign in to comment. Only approved readers of this journal can comment.",
        (CommentPermission.ApprovedReaders, true, null) => "Only approved readers of this journal can comment. You can ask the owner for access.",
        _ => null,
    };
}

/// <summary>Bounds for the settings form.</summary>
public static class CommentSettingsLimits
{
    public const int MaxThreadDepth = 10;
    public const int MaxWordListLength = 5000;
}
