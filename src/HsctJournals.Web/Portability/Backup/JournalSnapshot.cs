using HsctJournals.Domain.Portability;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// Reads a whole journal into the backup format (<see cref="JournalBackup"/>): everything a restore
/// needs, nothing that only means something on this installation (IP hashes, edit secrets,
/// calendar and clinician-link secrets). Only for the journal's owners.
/// </summary>
public sealed class JournalSnapshot(JournalsDbContext db, IOptions<SiteOptions> site, TimeProvider clock)
{
    public async Task<JournalBackup> ReadAsync(int journalId, CancellationToken ct)
    {
        var journal = await db.Journals.AsNoTracking().SingleAsync(j => j.Id == journalId, ct);
        var emails = await db.Users.AsNoTracking()
            .Where(u => db.JournalMembers.Any(m => m.JournalId == journalId && m.UserId == u.Id)
                        || db.Posts.Any(p => p.JournalId == journalId && p.AuthorId == u.Id)
                        || db.Comments.Any(c => c.Post.JournalId == journalId && c.UserId == u.Id)
                        || db.Photos.Any(p => p.JournalId == journalId && p.UploadedById == u.Id)
                        || db.PostRevisions.Any(r => r.Post.JournalId == journalId && r.SavedById == u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        string? EmailOf(string? userId) => userId is not null && emails.TryGetValue(userId, out var u) ? u.Email : null;

        var members = await db.JournalMembers.AsNoTracking().Where(m => m.JournalId == journalId).OrderByDescending(m => m.Role).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.JournalId == journalId).OrderBy(c => c.Id)
            .Select(c => new BackupTerm(c.Id, c.Name, c.Slug)).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().Where(t => t.JournalId == journalId).OrderBy(t => t.Id)
            .Select(t => new BackupTerm(t.Id, t.Name, t.Slug)).ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking().Include(p => p.Tags).Where(p => p.JournalId == journalId).OrderBy(p => p.Id).ToListAsync(ct);
        var revisions = (await db.PostRevisions.AsNoTracking().Where(r => r.Post.JournalId == journalId).OrderBy(r => r.Id).ToListAsync(ct)).ToLookup(r => r.PostId);
        var comments = (await db.Comments.AsNoTracking().Where(c => c.Post.JournalId == journalId).OrderBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.PostId);
        var oldAddresses = (await db.LegacyPermalinks.AsNoTracking().Where(l => l.JournalId == journalId).OrderBy(l => l.Id).ToListAsync(ct)).ToLookup(l => l.PostId);
        var photos = await db.Photos.AsNoTracking().Where(p => p.JournalId == journalId).OrderBy(p => p.Id).ToListAsync(ct);
        var courses = await BackupCourse.WithLists(db.TreatmentCourses.AsNoTracking().Where(c => c.JournalId == journalId).OrderBy(c => c.Id)).ToListAsync(ct);

        return new JournalBackup(
            JournalBackup.FormatName, JournalBackup.CurrentVersion, clock.GetUtcNow().UtcDateTime, site.Value.BaseUrl.TrimEnd('/') + "/j/" + journal.Slug,
            new BackupJournal(journal.Slug, journal.Title, journal.Tagline, journal.Visibility, journal.ShowDayNumbers, journal.CreatedAt,
                new BackupCommentSettings(journal.Comments.WhoMayComment, journal.Comments.Hold, journal.Comments.MaxLinksBeforeHold,
                    journal.Comments.HeldWords, journal.Comments.BlockedWords, journal.Comments.CloseAfterDays, journal.Comments.ThreadDepth,
                    journal.Comments.NewestFirst, journal.Comments.OwnerNotification)),
            members.Where(m => EmailOf(m.UserId) is not null)
                .Select(m => new BackupMember(EmailOf(m.UserId)!, emails[m.UserId].DisplayName, m.Role, m.CreatedAt)).ToList(),
            categories, tags,
            posts.Select(p => new BackupPost(
                p.Id, p.Title, p.Slug, p.Status, p.PublishedAt, p.CreatedAt, p.UpdatedAt,
                new BackupPerson(EmailOf(p.AuthorId), emails.TryGetValue(p.AuthorId, out var a) ? a.DisplayName : p.Byline ?? ""),
                p.Byline, p.Markdown, p.ExcerptIsCustom ? p.Excerpt : null, p.CategoryId, p.Tags.Select(t => t.Id).Order().ToList(), p.CommentsOpen,
                BackupPaths.MarkdownFile(p.PublishedAt ?? p.CreatedAt, p.Slug),
                oldAddresses[p.Id].Select(l => new BackupOldAddress(l.Host, l.Path)).ToList(),
                revisions[p.Id].Select(r => new BackupRevision(r.Title, r.Markdown, r.SavedAt, EmailOf(r.SavedById))).ToList(),
                comments[p.Id].Select(c => new BackupComment(c.Id, c.ParentId, c.AuthorName, c.AuthorEmail, c.AuthorWebsite, EmailOf(c.UserId),
                    c.Text, c.Status, c.ModerationNote, c.NotifyOnReply, c.CreatedAt, c.UpdatedAt)).ToList())).ToList(),
            photos.Select(p => new BackupPhoto(p.Id, BackupPaths.PhotoFile(p.Id, p.FileName), p.FileName, p.OriginalContentType, p.OriginalLength,
                p.OriginalHash, p.Width, p.Height, p.AltText, p.IsDecorative, p.Caption, p.WasAnimated, p.UploadedAt, EmailOf(p.UploadedById))).ToList(),
            courses.Select(BackupCourse.From).ToList());
    }
}
