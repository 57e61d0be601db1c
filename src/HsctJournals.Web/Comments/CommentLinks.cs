using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Comments;

/// <summary>The moderation link in the journal header, with the pending count, for those who may moderate.</summary>
public sealed class CommentLinks(ModerationQueue queue) : IJournalLinkSource
{
    public async Task<IEnumerable<JournalLink>> LinksAsync(JournalContext journal, CancellationToken ct)
    {
        if (!journal.CanModerate) return [];
        var pending = await queue.PendingCountAsync(journal.Journal.Id, ct);
        return [new JournalLink("comments", $"Comments ({pending} pending)", $"/j/{journal.Journal.Slug}/comments", 80)];
    }
}
