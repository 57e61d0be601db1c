using System.Globalization;

namespace HsctJournals.Domain.Comments;

/// <summary>Decides what happens to a submitted comment. Pure: everything it needs is passed in.</summary>
/// <remarks>
/// Rules in the order they are applied (the first that matches decides):
/// <list type="number">
/// <item>Closed: the post's switch is off, the journal allows <see cref="CommentPermission.Nobody"/>,
/// the post is not published, or it is older than <see cref="CommentPolicy.CloseAfterDays"/>
/// → <see cref="ModerationDecision.Rejected"/>. Closures apply to staff too: closed means closed.</item>
/// <item>Not permitted by <see cref="CommentPolicy.WhoMayComment"/> → Rejected. Staff are always permitted.</item>
/// <item>A field is invalid (<see cref="CommentFields"/>) → Rejected with the first message.</item>
/// <item>Honeypot filled, or a blocked word in the text, name, e-mail or website → <see cref="ModerationDecision.Spam"/>.
/// Staff are exempt from blocked words.</item>
/// <item>Duplicate of a recent comment → Rejected.</item>
/// <item>Staff → <see cref="ModerationDecision.Approved"/>.</item>
/// <item><see cref="HoldRule.Always"/>, a held word, more links than allowed, or a first comment under
/// <see cref="HoldRule.FirstCommentFromNewEmail"/> → <see cref="ModerationDecision.Pending"/>.
/// Approved readers skip the first-comment hold (the owner has vouched for them), but not the
/// other holds.</item>
/// <item>Otherwise → Approved.</item>
/// </list>
/// Rate limits and the form-fill time are checked by the caller before this, with
/// <see cref="RateLimitWindow"/> and <see cref="FormFillTime"/>, because they answer "try again later"
/// rather than judging the comment.
/// </remarks>
public static class CommentModeration
{
    /// <summary>Decides on <paramref name="comment"/> for a post described by <paramref name="policyInput"/> at <paramref name="now"/>.</summary>
    public static ModerationDecision Decide(CommentPolicyInput policyInput, CommentUnderReview comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policyInput);
        ArgumentNullException.ThrowIfNull(comment);
        var policy = policyInput.Policy ?? CommentPolicy.Default;

        if (ClosedReason(policyInput, policy, now) is { } closed)
        {
            return new ModerationDecision.Rejected(closed);
        }

        if (!comment.IsJournalStaff && NotPermittedReason(policy.WhoMayComment, comment) is { } notPermitted)
        {
            return new ModerationDecision.Rejected(notPermitted);
        }

        if (CommentFields.Validate(comment) is [var firstError, ..])
        {
            return new ModerationDecision.Rejected(firstError.Message);
        }

        if (comment.HoneypotFilled)
        {
            return new ModerationDecision.Spam("A hidden form field that people never see was filled in, as automated senders do.");
        }

        if (!comment.IsJournalStaff
            && WordList.FindFirst(string.Join('\n', comment.Text, comment.AuthorName, comment.AuthorEmail, comment.Website ?? string.Empty), policy.BlockedWords) is { } blocked)
        {
            return new ModerationDecision.Spam($"Contains the blocked word or phrase “{blocked}”.");
        }

        if (comment.IsDuplicate)
        {
            return new ModerationDecision.Rejected("It looks like you already posted this comment; it has been received.");
        }

        if (comment.IsJournalStaff)
        {
            return ModerationDecision.Approved.Instance;
        }

        if (policy.Hold == HoldRule.Always)
        {
            return new ModerationDecision.Pending("Every comment on this journal is read by a moderator before it appears.");
        }

        if (WordList.FindFirst(string.Join('\n', comment.Text, comment.AuthorName), policy.HeldWords) is not null)
        {
            return new ModerationDecision.Pending("Your comment will appear once a moderator has read it.");
        }

        var links = LinkCounter.Count(comment.Text);
        if (links > policy.MaxLinksBeforeHold)
        {
            return new ModerationDecision.Pending(policy.MaxLinksBeforeHold == 0
                ? "Comments with links wait for a moderator before they appear."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Comments with more than {policy.MaxLinksBeforeHold} links wait for a moderator before they appear."));
        }

        if (NeedsApprovalHistory(policy, comment) && !comment.HasApprovedCommentBefore)
        {
            return new ModerationDecision.Pending(
                "Your first comment here waits for a moderator. Once it is approved, your comments appear straight away.");
        }

        return ModerationDecision.Approved.Instance;
    }

    /// <summary>
    /// Whether <see cref="CommentUnderReview.HasApprovedCommentBefore"/> can change the decision: only under
    /// <see cref="HoldRule.FirstCommentFromNewEmail"/>, and never for staff or approved readers. Callers look the
    /// history up only when it does (one query less per comment on most journals).
    /// </summary>
    public static bool NeedsApprovalHistory(CommentPolicy policy, CommentUnderReview comment)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(comment);
        return policy.Hold == HoldRule.FirstCommentFromNewEmail && !comment.IsApprovedReader && !comment.IsJournalStaff;
    }

    /// <summary>
    /// Why nobody can comment on the post at <paramref name="now"/>, or <see langword="null"/> when comments are open.
    /// Use it to decide whether to show the form at all.
    /// </summary>
    public static string? ClosedReason(CommentPolicyInput policyInput, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policyInput);
        return ClosedReason(policyInput, policyInput.Policy ?? CommentPolicy.Default, now);
    }

    private static string? ClosedReason(CommentPolicyInput input, CommentPolicy policy, DateTimeOffset now)
    {
        if (input.PostCommentsClosed)
        {
            return "Comments are closed on this post.";
        }

        if (policy.WhoMayComment == CommentPermission.Nobody)
        {
            return "Comments are turned off for this journal.";
        }

        if (input.PostPublishedAt is not { } published || published > now)
        {
            return "This post is not published yet, so it cannot take comments.";
        }

        if (policy.CloseAfterDays is { } days && now >= published.AddDays(Math.Max(0, days)))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Comments close {days} {(days == 1 ? "day" : "days")} after a post is published, and this post is older.");
        }

        return null;
    }

    private static string? NotPermittedReason(CommentPermission who, CommentUnderReview comment) => who switch
    {
        CommentPermission.SignedInUsers when !comment.IsSignedIn => "Please sign in to comment on this journal.",
        CommentPermission.ApprovedReaders when !comment.IsSignedIn => "Please sign in to comment. Only approved readers of this journal can comment.",
        CommentPermission.ApprovedReaders when !comment.IsApprovedReader => "Only approved readers of this journal can comment. You can ask the owner for access.",
        _ => null,
    };
}
