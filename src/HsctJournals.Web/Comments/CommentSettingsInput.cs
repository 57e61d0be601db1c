using HsctJournals.Domain.Comments;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Comments;

/// <summary>The comment settings form (every <see cref="CommentSettings"/> field).</summary>
public sealed class CommentSettingsInput
{
    public CommentPermission WhoMayComment { get; set; }
    public HoldRule Hold { get; set; }
    public int MaxLinksBeforeHold { get; set; } = 2;
    public string? HeldWords { get; set; }
    public string? BlockedWords { get; set; }
    /// <summary>Empty means comments never close by age.</summary>
    public int? CloseAfterDays { get; set; }
    public int ThreadDepth { get; set; } = 5;
    public bool NewestFirst { get; set; }
    public OwnerNotificationSetting OwnerNotification { get; set; }

    public static CommentSettingsInput From(CommentSettings s) => new()
    {
        WhoMayComment = s.WhoMayComment, Hold = s.Hold, MaxLinksBeforeHold = s.MaxLinksBeforeHold, HeldWords = s.HeldWords,
        BlockedWords = s.BlockedWords, CloseAfterDays = s.CloseAfterDays, ThreadDepth = s.ThreadDepth, NewestFirst = s.NewestFirst,
        OwnerNotification = s.OwnerNotification,
    };

    /// <summary>Problems keyed by property name; empty when the settings can be saved.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(WhoMayComment)) errors[nameof(WhoMayComment)] = "Choose who may comment.";
        if (!Enum.IsDefined(Hold)) errors[nameof(Hold)] = "Choose which comments wait for approval.";
        if (!Enum.IsDefined(OwnerNotification)) errors[nameof(OwnerNotification)] = "Choose which e-mails you want.";
        if (MaxLinksBeforeHold is < 0 or > 100) errors[nameof(MaxLinksBeforeHold)] = "Use a number from 0 to 100.";
        if (CloseAfterDays is < 1 or > 36500) errors[nameof(CloseAfterDays)] = "Use a number of days from 1 to 36500, or leave it empty to keep comments open.";
        if (ThreadDepth is < 1 or > CommentSettingsLimits.MaxThreadDepth) errors[nameof(ThreadDepth)] = $"Use a depth from 1 to {CommentSettingsLimits.MaxThreadDepth}.";
        if ((HeldWords?.Length ?? 0) > CommentSettingsLimits.MaxWordListLength) errors[nameof(HeldWords)] = $"Please keep the list under {CommentSettingsLimits.MaxWordListLength:N0} characters.";
        if ((BlockedWords?.Length ?? 0) > CommentSettingsLimits.MaxWordListLength) errors[nameof(BlockedWords)] = $"Please keep the list under {CommentSettingsLimits.MaxWordListLength:N0} characters.";
        return errors;
    }

    public void ApplyTo(CommentSettings s)
    {
        s.WhoMayComment = WhoMayComment; s.Hold = Hold; s.MaxLinksBeforeHold = MaxLinksBeforeHold;
        s.HeldWords = Tidy(HeldWords); s.BlockedWords = Tidy(BlockedWords);
        s.CloseAfterDays = CloseAfterDays; s.ThreadDepth = ThreadDepth; s.NewestFirst = NewestFirst; s.OwnerNotification = OwnerNotification;
    }

    private static string? Tidy(string? list) =>
        CommentPolicies.Lines(list?.ReplaceLineEndings("\n")) is { Count: > 0 } lines ? string.Join('\n', lines) : null;
}
