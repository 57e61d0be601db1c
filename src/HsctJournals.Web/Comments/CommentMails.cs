using System.Text.Json;
using HsctJournals.Domain.Text;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Mail about comments: to the journal's owners (per their notification setting) and to the
/// author of the comment replied to (if they asked). Decided at send time, so a comment that was
/// deleted, marked spam or unapproved in the meantime sends nothing. The commenter's e-mail
/// address is never put in a message to anyone else.
/// </summary>
public sealed class CommentMails(
    JournalsDbContext db, JournalAccess access, UnsubscribeTokens unsubscribe, IOptions<SiteOptions> site, SiteSettingsStore settings) : IMailComposer
{
    private const int ExcerptLength = 400;

    public IReadOnlyCollection<string> Types { get; } = [Outbox.CommentToOwner, Outbox.ReplyToCommenter];

    /// <summary>What one claimed batch needs, read together (decision 0055); null until <see cref="PrepareAsync"/> ran.</summary>
    private Prepared? _prepared;

    public Task<IReadOnlyList<OutgoingMail>> ComposeAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = Payload(message);
        return message.Type == Outbox.CommentToOwner ? ToOwnersAsync(payload.CommentId, ct) : ToParentAuthorAsync(payload.CommentId, ct);
    }

    /// <summary>
    /// The batch's comments in one query and their journals' owners in another, instead of two queries per message.
    /// Read when the batch starts rather than as each message is composed: a status or owner changed in between is
    /// seen by the next batch's messages, not this one's (the same as if it had changed a moment later).
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        _prepared = null;
        var ids = messages.Select(m => Payload(m).CommentId).ToHashSet();
        var facts = (await Facts(db.Comments.Where(c => ids.Contains(c.Id))).ToListAsync(ct)).ToDictionary(c => c.Id);
        var journals = facts.Values.Select(c => c.JournalId).ToHashSet();
        var owners = (await Owners(journals).ToListAsync(ct)).ToLookup(o => o.JournalId);
        _prepared = new Prepared(ids, facts, journals, owners);
    }

    private static CommentMessage Payload(OutboxMessage message) =>
        JsonSerializer.Deserialize<CommentMessage>(message.Payload) ?? throw new InvalidOperationException("Empty comment payload.");

    private sealed record CommentFacts(int Id, int PostId, int? ParentId, string AuthorName, string AuthorEmail, string? UserId,
        string Text, CommentStatus Status, string PostTitle, string PostSlug, int JournalId, string JournalSlug, string JournalTitle,
        OwnerNotificationSetting OwnerSetting);

    private sealed record Owner(int JournalId, string UserId, string Email, string? DisplayName);

    private sealed record Prepared(HashSet<int> CommentIds, Dictionary<int, CommentFacts> Facts, HashSet<int> JournalIds, ILookup<int, Owner> Owners);

    private static IQueryable<CommentFacts> Facts(IQueryable<Comment> comments) =>
        comments.AsNoTracking()
            .Select(c => new CommentFacts(c.Id, c.PostId, c.ParentId, c.AuthorName, c.AuthorEmail, c.UserId, c.Text, c.Status,
                c.Post.Title, c.Post.Slug, c.Post.JournalId, c.Post.Journal.Slug, c.Post.Journal.Title, c.Post.Journal.Comments.OwnerNotification));

    /// <summary>The journals' owners who have an address to write to.</summary>
    private IQueryable<Owner> Owners(IReadOnlyCollection<int> journalIds) =>
        db.JournalMembers.AsNoTracking()
            .Where(m => journalIds.Contains(m.JournalId) && m.Role == JournalRole.Owner && m.User.Email != null)
            .Select(m => new Owner(m.JournalId, m.UserId, m.User.Email!, m.User.DisplayName));

    private async Task<CommentFacts?> FindAsync(int id, CancellationToken ct) =>
        _prepared is { } p && p.CommentIds.Contains(id)
            ? p.Facts.GetValueOrDefault(id) // not found when prepared: deleted since it was queued
            : await Facts(db.Comments.Where(c => c.Id == id)).FirstOrDefaultAsync(ct);

    private async Task<IReadOnlyList<Owner>> OwnersAsync(int journalId, CancellationToken ct) =>
        _prepared is { } p && p.JournalIds.Contains(journalId)
            ? p.Owners[journalId].ToList()
            : await Owners(new[] { journalId }).ToListAsync(ct);

    private async Task<IReadOnlyList<OutgoingMail>> ToOwnersAsync(int commentId, CancellationToken ct)
    {
        var c = await FindAsync(commentId, ct);
        if (c is null) return [];
        var wanted = c.OwnerSetting switch
        {
            OwnerNotificationSetting.EveryComment => c.Status is CommentStatus.Pending or CommentStatus.Approved,
            OwnerNotificationSetting.HeldOnly => c.Status == CommentStatus.Pending,
            _ => false,
        };
        if (!wanted) return [];

        var owners = await OwnersAsync(c.JournalId, ct);
        var held = c.Status == CommentStatus.Pending;
        var queue = site.Value.Link($"/j/{c.JournalSlug}/comments");
        var mails = new List<OutgoingMail>();
        var siteName = (await settings.ForDisplayAsync(ct)).Name;
        foreach (var owner in owners)
        {
            // Nobody is told about their own comment.
            if (owner.UserId == c.UserId || SameAddress(owner.Email, c.AuthorEmail)) continue;
            var body = new MailBody()
                .Paragraph(held
                    ? $"{c.AuthorName} commented on “{c.PostTitle}” in {c.JournalTitle}. The comment is waiting for your approval."
                    : $"{c.AuthorName} commented on “{c.PostTitle}” in {c.JournalTitle}.")
                .Quote(Excerpt.Shorten(c.Text, ExcerptLength));
            if (held) body.Link("Approve or reject it in the moderation queue", queue);
            else body.Link("Read the comment", CommentUrl(c.JournalSlug, c.PostSlug, c.Id)).Link("Moderation queue", queue);
            body.Footer($"You get this because you own the journal “{c.JournalTitle}” on {siteName}.",
                "Choose which comments you are told about in the journal's settings", site.Value.Link($"/j/{c.JournalSlug}/settings"));
            var subject = held ? $"Comment awaiting approval on “{c.PostTitle}”" : $"New comment on “{c.PostTitle}”";
            mails.Add(body.To(owner.Email, owner.DisplayName, subject, unsubscribeUrl: null));
        }
        return mails;
    }

    private async Task<IReadOnlyList<OutgoingMail>> ToParentAuthorAsync(int replyId, CancellationToken ct)
    {
        var reply = await FindAsync(replyId, ct);
        if (reply is not { Status: CommentStatus.Approved, ParentId: { } parentId }) return [];
        var parent = await db.Comments.AsNoTracking().Where(c => c.Id == parentId)
            .Select(c => new { c.Id, c.AuthorName, c.AuthorEmail, c.UserId, c.Text, c.Status, c.NotifyOnReply }).FirstOrDefaultAsync(ct);
        if (parent is not { NotifyOnReply: true } || parent.Status is CommentStatus.Spam or CommentStatus.Trash) return [];
        // Never for someone's reply to themselves.
        if ((reply.UserId is not null && reply.UserId == parent.UserId) || SameAddress(reply.AuthorEmail, parent.AuthorEmail)) return [];
        // The journal may have been closed to them since they commented.
        var reader = new Reader(parent.UserId, false);
        if (!await access.LivePosts(reader).AnyAsync(p => p.Id == reply.PostId, ct)) return [];

        var stop = site.Value.Link("/unsubscribe/" + unsubscribe.ForCommentReplies(parent.Id));
        var body = new MailBody()
            .Paragraph($"{reply.AuthorName} replied to your comment on “{reply.PostTitle}” in {reply.JournalTitle}:")
            .Quote(Excerpt.Shorten(reply.Text, ExcerptLength))
            .Link("Read the reply", CommentUrl(reply.JournalSlug, reply.PostSlug, reply.Id))
            .Paragraph("You wrote:")
            .Quote(Excerpt.Shorten(parent.Text, 200))
            .Footer($"You get this because you asked {(await settings.ForDisplayAsync(ct)).Name} to tell you about replies to your comment.",
                "Stop e-mails about replies to this comment", stop);
        return [body.To(parent.AuthorEmail, parent.AuthorName, $"{reply.AuthorName} replied to your comment on “{reply.PostTitle}”", stop)];
    }

    private string CommentUrl(string journal, string post, int commentId) =>
        site.Value.Link($"/j/{journal}/posts/{post}#comment-{commentId}");

    private static bool SameAddress(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
