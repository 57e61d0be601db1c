using System.Text.Json;
using HsctJournals.Domain.Comments;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Portability.PersonalData;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability.YourComments;

/// <summary>One comment as its writer sees it on "Your comments"; a journal they may not read is not named.</summary>
public sealed record AddressComment(int Id, string? JournalTitle, string? PostTitle, string? Url, CommentStatus Status, DateTime CreatedAt, string Text);

/// <summary>
/// "Your comments" for people who commented without an account (GDPR Art. 15, 17 and 20): a signed
/// link mailed to the address, then every comment written with that address on the site, to
/// download or to erase (<see cref="CommentEraser"/>).
/// </summary>
public sealed class CommentsByAddress(JournalsDbContext db, Outbox outbox, OutboxSignal signal, CommentAddressLinks links,
    IOptions<SiteOptions> site, SiteSettingsStore settings, IOptions<PortabilityOptions> options, Caching.PageCacheEviction cache)
{
    public static string Normalise(string? email) => DuplicateComment.NormaliseEmail(email);

    /// <summary>Mails the link when the address wrote anything; says nothing either way, so the page cannot tell who commented.</summary>
    public async Task SendLinkAsync(string normalisedEmail, CancellationToken ct)
    {
        if (!await db.Comments.AnyAsync(c => c.AuthorEmail.ToLower() == normalisedEmail, ct)) return;
        var link = site.Value.Link("/your-comments/manage?t=" + Uri.EscapeDataString(links.For(normalisedEmail)));
        var siteName = (await settings.ForDisplayAsync(ct)).Name;
        var mail = new MailBody()
            .Paragraph($"Someone (hopefully you) asked to see the comments written with this e-mail address on {siteName}.")
            .Link("See, download or erase your comments", link)
            .Paragraph($"The link works for {options.Value.CommentLinkHours} hours. If it was not you, ignore this message: nothing changes.")
            .Footer($"You get this message because this address was entered on the “Your comments” page of {siteName}.")
            .To(normalisedEmail, null, $"Your comments on {siteName}", unsubscribeUrl: null);
        outbox.Enqueue(Outbox.Mail, mail);
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    public async Task<List<AddressComment>> ListAsync(string normalisedEmail, CancellationToken ct)
    {
        var rows = await db.Comments.AsNoTracking().Where(c => c.AuthorEmail.ToLower() == normalisedEmail).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Status, c.CreatedAt, c.Text, Journal = c.Post.Journal.Title, JournalSlug = c.Post.Journal.Slug, c.Post.Journal.Visibility,
                PostTitle = c.Post.Title, PostSlug = c.Post.Slug, PostStatus = c.Post.Status })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            // Only what anyone may read is named: a private journal stays unnamed even to this page.
            var open = r.Visibility is JournalVisibility.Public or JournalVisibility.Unlisted;
            var live = open && r.PostStatus == PostStatus.Published;
            return new AddressComment(r.Id, open ? r.Journal : null, open ? r.PostTitle : null,
                live ? site.Value.Link($"/j/{r.JournalSlug}/posts/{r.PostSlug}#comment-{r.Id}") : null, r.Status, r.CreatedAt, r.Text);
        }).ToList();
    }

    /// <summary>The comments as a JSON document to keep (Art. 20).</summary>
    public async Task<byte[]> ExportAsync(string normalisedEmail, CancellationToken ct)
    {
        var comments = await ListAsync(normalisedEmail, ct);
        return JsonSerializer.SerializeToUtf8Bytes(new { Format = "hsct-your-comments", Version = 1, Email = normalisedEmail, Comments = comments }, Backup.JournalBackup.Json);
    }

    /// <summary>Anonymises every comment of the address (name, e-mail, website, IP hash); with <paramref name="removeText"/> the words go too.</summary>
    public async Task<int> EraseAsync(string normalisedEmail, bool removeText, CancellationToken ct)
    {
        var journals = await db.Comments.Where(c => c.AuthorEmail.ToLower() == normalisedEmail).Select(c => c.Post.JournalId).Distinct().ToListAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var touched = await CommentEraser.EraseAsync(db, c => c.AuthorEmail.ToLower() == normalisedEmail, removeText, ct);
        await transaction.CommitAsync(ct);
        foreach (var journalId in journals) await cache.JournalChangedAsync(journalId, CancellationToken.None);
        return touched;
    }
}
