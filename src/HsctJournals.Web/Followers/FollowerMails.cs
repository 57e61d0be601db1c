using System.Text.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>
/// Mail to people following a journal by e-mail: the double opt-in request, a new post (one
/// message per confirmed instant follower) and the daily digest. Each follower is checked against
/// the access rule as themselves (or anonymously) at send time, so when a journal stops being
/// public, followers who are not its members stop getting mail.
/// </summary>
public sealed class FollowerMails(
    JournalsDbContext db, JournalAccess access, UnsubscribeTokens unsubscribe, IOptions<SiteOptions> site, SiteSettingsStore settings,
    Photos.OutsidePhotoLinks photos) : IMailComposer
{
    public IReadOnlyCollection<string> Types { get; } = [Outbox.ConfirmFollow, Outbox.PostToFollowers, Outbox.Digest];

    public Task<IReadOnlyList<OutgoingMail>> ComposeAsync(OutboxMessage message, CancellationToken ct) => message.Type switch
    {
        Outbox.ConfirmFollow => ConfirmAsync(Read<FollowConfirmMessage>(message).Secret, ct),
        Outbox.PostToFollowers => NewPostAsync(Read<PostMessage>(message).PostId, ct),
        _ => DigestAsync(Read<DigestMessage>(message), ct),
    };

    private async Task<IReadOnlyList<OutgoingMail>> ConfirmAsync(string secret, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(secret);
        var f = await db.Followers.AsNoTracking().Where(x => x.TokenHash == hash && x.ConfirmedAt == null)
            .Select(x => new { x.Id, x.Email, x.UserId, x.JournalId, x.Frequency, x.Journal.Title, x.Journal.Slug }).FirstOrDefaultAsync(ct);
        if (f is null || !await CanReadJournalAsync(f.JournalId, f.UserId, ct)) return [];
        var stop = UnsubscribeUrl(f.Id);
        var how = f.Frequency == FollowFrequency.Instant ? "an e-mail for each new post" : "one e-mail a day listing new posts";
        var body = new MailBody()
            .Paragraph($"Someone — hopefully you — asked to follow “{f.Title}” by e-mail ({how}).")
            .Link("Yes, send me new posts", site.Value.Link($"/follow/confirm/{secret}"))
            .Paragraph("If you did not ask for this, ignore this message: nothing more will be sent.")
            .Footer($"You get this one message because this address was entered on “{f.Title}” on {await SiteNameAsync(ct)}.", "Forget this address", stop);
        return [body.To(f.Email, null, $"Confirm that you want to follow “{f.Title}”", stop)];
    }

    private async Task<IReadOnlyList<OutgoingMail>> NewPostAsync(int postId, CancellationToken ct)
    {
        var journalId = await db.Posts.Where(p => p.Id == postId).Select(p => (int?)p.JournalId).FirstOrDefaultAsync(ct);
        if (journalId is null) return [];
        // One check for everyone following without an account; members are checked one by one.
        var anonymousView = await PostsFor(Reader.Anonymous, q => q.Where(p => p.Id == postId)).FirstOrDefaultAsync(ct);

        var followers = await db.Followers.AsNoTracking()
            .Where(f => f.JournalId == journalId && f.ConfirmedAt != null && f.Frequency == FollowFrequency.Instant)
            .Select(f => new { f.Id, f.Email, f.UserId }).ToListAsync(ct);
        var mails = new List<OutgoingMail>();
        var siteName = await SiteNameAsync(ct);
        foreach (var f in followers)
        {
            // Followers who may no longer read the post (the journal was closed to them) get nothing.
            var summary = anonymousView ?? (f.UserId is null ? null
                : await PostsFor(new Reader(f.UserId, false), q => q.Where(p => p.Id == postId)).FirstOrDefaultAsync(ct));
            if (summary is null) continue;
            var stop = UnsubscribeUrl(f.Id);
            var postUrl = PostUrl(summary.JournalSlug, summary.Slug);
            var body = new MailBody()
                .Paragraph($"{summary.JournalTitle} has a new post:")
                .Item(summary.Title, postUrl, summary.Excerpt);
            // The first photo, small, linked to the post: plain when anyone may see it, else signed for this follower.
            if (photos.FirstThumbnail(summary.Html, anonymousView is null ? f.UserId : null) is { } thumbnail)
                body.Picture(thumbnail.Url, thumbnail.Alt, thumbnail.Width, thumbnail.Height, postUrl);
            body.Footer($"You get this because you follow “{summary.JournalTitle}” on {siteName} by e-mail.", "Unsubscribe", stop);
            mails.Add(body.To(f.Email, null, $"{summary.JournalTitle}: {summary.Title}", stop, MailHeaders.JournalListId(summary.JournalSlug, site.Value.MailDomain)));
        }
        return mails;
    }

    private async Task<IReadOnlyList<OutgoingMail>> DigestAsync(DigestMessage digest, CancellationToken ct)
    {
        var f = await db.Followers.AsNoTracking().Where(x => x.Id == digest.FollowerId && x.ConfirmedAt != null)
            .Select(x => new { x.Id, x.Email, x.UserId, x.JournalId }).FirstOrDefaultAsync(ct);
        if (f is null) return [];
        var posts = await PostsFor(new Reader(f.UserId, false), q => q
            .Where(p => p.JournalId == f.JournalId && p.PublishedAt > digest.FromUtc && p.PublishedAt <= digest.ToUtc)
            .OrderBy(p => p.PublishedAt).Take(50)).ToListAsync(ct);
        if (posts.Count == 0) return [];
        var journalTitle = posts[0].JournalTitle;
        var stop = UnsubscribeUrl(f.Id);
        var body = new MailBody().Paragraph(posts.Count == 1
            ? $"One new post in {journalTitle} since the last digest:"
            : $"{posts.Count} new posts in {journalTitle} since the last digest:");
        foreach (var p in posts) body.Item(p.Title, PostUrl(p.JournalSlug, p.Slug), p.Excerpt);
        body.Footer($"You get this daily digest because you follow “{journalTitle}” on {await SiteNameAsync(ct)} by e-mail.", "Unsubscribe", stop);
        var subject = posts.Count == 1 ? $"{journalTitle}: 1 new post" : $"{journalTitle}: {posts.Count} new posts";
        return [body.To(f.Email, null, subject, stop, MailHeaders.JournalListId(posts[0].JournalSlug, site.Value.MailDomain))];
    }

    private async Task<string> SiteNameAsync(CancellationToken ct) => (await settings.ForDisplayAsync(ct)).Name;

    private sealed record PostFacts(int Id, string Title, string Slug, string Excerpt, string Html, string JournalSlug, string JournalTitle);

    /// <summary>Live posts the reader may read, through the one access rule.</summary>
    private IQueryable<PostFacts> PostsFor(Reader reader, Func<IQueryable<Post>, IQueryable<Post>> filter) =>
        filter(access.LivePosts(reader).AsNoTracking())
            .Select(p => new PostFacts(p.Id, p.Title, p.Slug, p.Excerpt, p.Html, p.Journal.Slug, p.Journal.Title));

    private Task<bool> CanReadJournalAsync(int journalId, string? userId, CancellationToken ct) =>
        access.ReadableJournals(new Reader(userId, false)).AnyAsync(j => j.Id == journalId, ct);

    private string UnsubscribeUrl(int followerId) => site.Value.Link("/unsubscribe/" + unsubscribe.ForFollower(followerId));

    private string PostUrl(string journal, string post) => site.Value.Link($"/j/{journal}/posts/{post}");

    private static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload) ?? throw new InvalidOperationException($"Empty {message.Type} payload.");
}
