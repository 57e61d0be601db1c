using HsctJournals.Domain.Comments;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>What the owner is e-mailed about.</summary>
public enum OwnerNotificationSetting { EveryComment = 0, HeldOnly = 1, None = 2 }

/// <summary>A journal's comment policy (owned by <see cref="Journal"/>, stored in its row).</summary>
/// <remarks>
/// The setting is the journal's (its row, its backup, created and deleted with it), so the type sits in Journals;
/// what it means (who may comment, what is held, who is told) is Comments' (<c>CommentPolicies</c>, <c>CommentMails</c>),
/// which reads it from the journal (decision 0046).
/// Who may comment and which comments wait are the Domain's own enums (<see cref="CommentPermission"/>,
/// <see cref="HoldRule"/>), stored as their numbers, so the rules read the setting without a cast.
/// </remarks>
[Owned]
public class CommentSettings
{
    public CommentPermission WhoMayComment { get; set; } = CommentPermission.Anyone;
    public HoldRule Hold { get; set; } = HoldRule.FirstCommentFromNewEmail;
    /// <summary>Hold a comment with more links than this.</summary>
    public int MaxLinksBeforeHold { get; set; } = 2;
    /// <summary>One word or phrase per line; a match holds the comment.</summary>
    public string? HeldWords { get; set; }
    /// <summary>One word or phrase per line; a match marks the comment as spam.</summary>
    public string? BlockedWords { get; set; }
    /// <summary>Close comments on posts older than this many days; null = never.</summary>
    public int? CloseAfterDays { get; set; }
    /// <summary>Deepest reply level shown (WordPress default 5).</summary>
    public int ThreadDepth { get; set; } = 5;
    public bool NewestFirst { get; set; }
    public OwnerNotificationSetting OwnerNotification { get; set; } = OwnerNotificationSetting.EveryComment;
}
