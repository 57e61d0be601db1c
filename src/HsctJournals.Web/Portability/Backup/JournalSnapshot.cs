using HsctJournals.Domain.Portability;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// Reads a journal into the backup format (<see cref="JournalBackup"/>): everything a restore needs, nothing that
/// only means something on this installation (IP hashes, edit secrets, calendar and clinician-link secrets). Only
/// for the journal's owners. The small part (<see cref="BackupHead"/>) is read at once; the posts, which carry the
/// journal's text, are read a page at a time, untracked, by <see cref="Open.PostsAsync"/>, so a backup's memory does
/// not grow with the journal.
/// </summary>
public sealed class JournalSnapshot(JournalsDbContext db, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>Posts read per query: enough to keep the round trips few, few enough that a page of text stays small.</summary>
    public const int PageSize = 25;

    public async Task<Open> OpenAsync(int journalId, CancellationToken ct)
    {
        var journal = await db.Journals.AsNoTracking().SingleAsync(j => j.Id == journalId, ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => db.JournalMembers.Any(m => m.JournalId == journalId && m.UserId == u.Id)
                        || db.Posts.Any(p => p.JournalId == journalId && p.AuthorId == u.Id)
                        || db.Comments.Any(c => c.Post.JournalId == journalId && c.UserId == u.Id)
                        || db.Photos.Any(p => p.JournalId == journalId && p.UploadedById == u.Id)
                        || db.PostRevisions.Any(r => r.Post.JournalId == journalId && r.SavedById == u.Id))
            .Select(u => new Person(u.Id, u.Email, u.DisplayName)).ToDictionaryAsync(u => u.Id, ct);
        string? EmailOf(string? userId) => userId is not null && people.TryGetValue(userId, out var u) ? u.Email : null;

        var members = await db.JournalMembers.AsNoTracking().Where(m => m.JournalId == journalId).OrderByDescending(m => m.Role).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.JournalId == journalId).OrderBy(c => c.Id)
            .Select(c => new BackupTerm(c.Id, c.Name, c.Slug)).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().Where(t => t.JournalId == journalId).OrderBy(t => t.Id)
            .Select(t => new BackupTerm(t.Id, t.Name, t.Slug)).ToListAsync(ct);
        var photos = await db.Photos.AsNoTracking().Where(p => p.JournalId == journalId).OrderBy(p => p.Id).ToListAsync(ct);
        var courses = await BackupCourse.WithLists(db.TreatmentCourses.AsNoTracking().Where(c => c.JournalId == journalId).OrderBy(c => c.Id)).ToListAsync(ct);

        var head = new BackupHead(
            JournalBackup.FormatName, JournalBackup.CurrentVersion, clock.GetUtcNow().UtcDateTime, site.Value.BaseUrl.TrimEnd('/') + "/j/" + journal.Slug,
            new BackupJournal(journal.Slug, journal.Title, journal.Tagline, journal.Visibility, journal.ShowDayNumbers, journal.CreatedAt,
                new BackupCommentSettings(journal.Comments.WhoMayComment, journal.Comments.Hold, journal.Comments.MaxLinksBeforeHold,
                    journal.Comments.HeldWords, journal.Comments.BlockedWords, journal.Comments.CloseAfterDays, journal.Comments.ThreadDepth,
                    journal.Comments.NewestFirst, journal.Comments.OwnerNotification)),
            members.Where(m => EmailOf(m.UserId) is not null)
                .Select(m => new BackupMember(EmailOf(m.UserId)!, people[m.UserId].DisplayName, m.Role, m.CreatedAt)).ToList(),
            categories, tags,
            photos.Select(p => new BackupPhoto(p.Id, BackupPaths.PhotoFile(p.Id, p.FileName), p.FileName, p.OriginalContentType, p.OriginalLength,
                p.OriginalHash, p.Width, p.Height, p.AltText, p.IsDecorative, p.Caption, p.WasAnimated, p.UploadedAt, EmailOf(p.UploadedById))).ToList(),
            courses.Select(BackupCourse.From).ToList());
        return new Open(db, journalId, head, people);
    }

    /// <summary>Someone who wrote, commented, uploaded or is a member: known in the file by e-mail address.</summary>
    public sealed record Person(string Id, string? Email, string DisplayName);

    /// <summary>One journal being read: its head, and its posts on demand.</summary>
    public sealed class Open(JournalsDbContext db, int journalId, BackupHead head, IReadOnlyDictionary<string, Person> people)
    {
        public BackupHead Head { get; } = head;

        /// <summary>
        /// The journal's posts in id order, a page at a time. <paramref name="complete"/>: with revisions, old addresses and
        /// comments of every status, as journal.json holds them; otherwise approved comments only (for the static copy and the
        /// Markdown files, which show nothing else).
        /// </summary>
        public async IAsyncEnumerable<BackupPost> PostsAsync(bool complete, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            string? EmailOf(string? userId) => userId is not null && people.TryGetValue(userId, out var u) ? u.Email : null;
            var lastId = 0;
            while (true)
            {
                var posts = await db.Posts.AsNoTracking().Include(p => p.Tags).Where(p => p.JournalId == journalId && p.Id > lastId)
                    .OrderBy(p => p.Id).Take(PageSize).ToListAsync(ct);
                if (posts.Count == 0) yield break;
                lastId = posts[^1].Id;
                var ids = posts.Select(p => p.Id).ToList();
                var comments = (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.PostId) && (complete || c.Status == CommentStatus.Approved))
                    .OrderBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.PostId);
                var revisions = complete
                    ? (await db.PostRevisions.AsNoTracking().Where(r => ids.Contains(r.PostId)).OrderBy(r => r.Id).ToListAsync(ct)).ToLookup(r => r.PostId)
                    : Enumerable.Empty<PostRevision>().ToLookup(r => r.PostId);
                var oldAddresses = complete
                    ? (await db.LegacyPermalinks.AsNoTracking().Where(l => l.JournalId == journalId && ids.Contains(l.PostId)).OrderBy(l => l.Id).ToListAsync(ct)).ToLookup(l => l.PostId)
                    : Enumerable.Empty<LegacyPermalink>().ToLookup(l => l.PostId);
                foreach (var p in posts)
                    yield return new BackupPost(
                        p.Id, p.Title, p.Slug, p.Status, p.PublishedAt, p.CreatedAt, p.UpdatedAt,
                        new BackupPerson(EmailOf(p.AuthorId), people.TryGetValue(p.AuthorId, out var a) ? a.DisplayName : p.Byline ?? ""),
                        p.Byline, p.Markdown, p.ExcerptIsCustom ? p.Excerpt : null, p.CategoryId, p.Tags.Select(t => t.Id).Order().ToList(), p.CommentsOpen,
                        BackupPaths.MarkdownFile(p.PublishedAt ?? p.CreatedAt, p.Slug),
                        oldAddresses[p.Id].Select(l => new BackupOldAddress(l.Host, l.Path)).ToList(),
                        revisions[p.Id].Select(r => new BackupRevision(r.Title, r.Markdown, r.SavedAt, EmailOf(r.SavedById))).ToList(),
                        comments[p.Id].Select(c => new BackupComment(c.Id, c.ParentId, c.AuthorName, c.AuthorEmail, c.AuthorWebsite, EmailOf(c.UserId),
                            c.Text, c.Status, c.ModerationNote, c.NotifyOnReply, c.CreatedAt, c.UpdatedAt)).ToList());
            }
        }
    }
}
