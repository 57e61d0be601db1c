using HsctJournals.Domain.Portability;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// Restores a backup zip as a new journal owned by the person restoring it, on any installation and
/// either database: settings, members (by e-mail, for accounts that exist here), categories, tags,
/// posts with revisions and old addresses, comments of every status in their threads, photos
/// (through <see cref="PhotoUpload"/>, so they get this site's variants) and treatment courses.
/// Runs as an <see cref="ImportJob"/> (<see cref="ImportWorker"/>). All or nothing: the journal stays private
/// until everything is in; if anything fails, it is deleted again and its address is free at once; the job
/// keeps the report.
/// </summary>
public sealed class BackupRestorer(JournalsDbContext db, JournalEditor journals, PostEditor editor, PhotoUpload photos, JournalDeleter deleter,
    TimeProvider clock, Caching.PageCacheEviction cache, ILogger<BackupRestorer> log)
{
    /// <summary>Restores the job's zip; the job's title and address (the backup's when null) name the new journal.</summary>
    /// <param name="progress">Photos and posts as items, comments as comments.</param>
    public async Task<ImportReport> RestoreAsync(Guid jobId, string zipPath, string restorerId, string? title, string? slug,
        Action<ImportProgress>? progress, CancellationToken ct)
    {
        BackupOutline outline;
        using var zip = BackupReader.Open(zipPath);
        try
        {
            // First pass: everything but the posts, with every post checked and counted; the posts are read again
            // one at a time as they are written, so the journal's text is never in memory whole.
            outline = await BackupReader.ReadOutlineAsync(zip, ct);
        }
        catch (BackupFormatException e)
        {
            return Failed(e.Message);
        }

        // Private until the restore is complete, so nobody reads a half-restored journal; then the backup's visibility.
        var backup = outline.Head;
        var input = BackupUploads.NewJournal(backup.Journal, title, slug);
        var visibility = input.Visibility;
        input.Visibility = JournalVisibility.Private;
        var created = await journals.CreateAsync(restorerId, input, ct);
        if (!created.Succeeded) return Failed(string.Join(" ", created.Errors.SelectMany(e => e.Value)) + " Restore the backup again with another title or address.");
        var journal = created.Value!;
        // Recorded at once, so a restart in the middle can find and remove the half-made journal (ImportRecovery).
        await OwnAsync(jobId, journal.Id);
        var report = new ImportReport { Succeeded = true, RestoredSlug = journal.Slug, RestoredTitle = journal.Title };
        var track = new Progress(outline, progress);
        try
        {
            var photoIds = await RestorePhotosAsync(zip, backup, journal, restorerId, report, track, ct);
            db.ChangeTracker.Clear();
            // Post by post, each in its own short transaction (SQLite has one writer: one transaction over the whole
            // journal would make every other write on the site wait, then fail). All or nothing still holds: on any
            // failure the journal is deleted (UndoAsync), and after a crash ImportRecovery deletes it.
            await RestoreContentAsync(zip, backup, journal.Id, restorerId, photoIds, report, track, ct);
            await db.Journals.Where(j => j.Id == journal.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Visibility, visibility), ct);
            await cache.JournalChangedAsync(journal.Id, ct);
            report.PhotosImported = photoIds.Count;
            report.PostsImported = outline.Posts;
            report.CommentsImported = outline.Comments;
            return report;
        }
        catch (Exception e) when (e is DbUpdateException or BackupFormatException or InvalidDataException)
        {
            log.LogWarning(e, "Restoring a backup into journal {JournalId} failed; removing it", journal.Id);
            await UndoAsync(jobId, journal);
            return Failed(e is BackupFormatException ? e.Message
                : e is InvalidDataException ? "A file inside the zip is damaged and cannot be unpacked. Download the backup again. Nothing was restored."
                : "The backup holds data this site cannot store (for example a text longer than this site allows). Nothing was restored.");
        }
        catch
        {
            await UndoAsync(jobId, journal);
            throw;
        }
    }

    private static ImportReport Failed(string message) => new() { Succeeded = false, Error = message };

    private Task OwnAsync(Guid jobId, int? journalId) =>
        db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.JournalId, journalId), CancellationToken.None);

    /// <summary>
    /// Deletes the half-made journal and frees its address at once: nobody ever used it. The job lets go of the
    /// journal first, or the delete would take the job (and its report) with it.
    /// </summary>
    public async Task UndoAsync(Guid jobId, Journal journal)
    {
        db.ChangeTracker.Clear();
        await OwnAsync(jobId, null);
        await deleter.DeleteAsync(journal.Id, CancellationToken.None);
        await db.RetiredSlugs.Where(s => s.Slug == journal.Slug).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>Counts restored photos, posts and comments for the progress page.</summary>
    private sealed class Progress(BackupOutline outline, Action<ImportProgress>? report)
    {
        private readonly int _items = outline.Head.Photos.Count + outline.Posts;
        private readonly int _comments = outline.Comments;
        private int _itemsDone, _commentsDone;

        public void Item(int comments = 0)
        {
            _itemsDone++;
            _commentsDone += comments;
            report?.Invoke(new ImportProgress(_itemsDone, _items, _commentsDone, _comments));
        }
    }

    private async Task<Dictionary<int, int>> RestorePhotosAsync(System.IO.Compression.ZipArchive zip, BackupHead backup, Journal journal, string restorerId,
        ImportReport report, Progress progress, CancellationToken ct)
    {
        var ids = new Dictionary<int, int>();
        foreach (var photo in backup.Photos)
        {
            progress.Item();
            var entry = BackupPaths.IsSafe(photo.File) ? zip.GetEntry(photo.File) : null;
            if (entry is null)
            {
                report.Warn($"Photo “{photo.FileName}” is not in the zip ({photo.File}); posts that showed it show nothing in its place.");
                continue;
            }
            await using var stream = await entry.OpenAsync(ct);
            var result = await photos.UploadAsync(new PhotoUploadRequest(journal, restorerId, stream, photo.FileName, photo.ContentType,
                photo.AltText, photo.Decorative, photo.Caption), ct);
            if (!result.Succeeded)
            {
                report.Warn($"Photo “{photo.FileName}” was not restored: {result.Message}");
                continue;
            }
            if (result.Photo!.OriginalHash != photo.Sha256)
                report.Warn($"Photo “{photo.FileName}” differs from the one the backup describes (its checksum does not match); it was restored as it is in the zip.");
            ids[photo.Id] = result.Photo.Id;
        }
        return ids;
    }

    private async Task RestoreContentAsync(System.IO.Compression.ZipArchive zip, BackupHead backup, int journalId, string restorerId, Dictionary<int, int> photoIds, ImportReport report,
        Progress progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Journals.SingleAsync(j => j.Id == journalId, ct);
        var s = backup.Journal.CommentSettings;
        stored.Comments = new CommentSettings
        {
            WhoMayComment = s.WhoMayComment, Hold = s.Hold, MaxLinksBeforeHold = s.MaxLinksBeforeHold, HeldWords = s.HeldWords, BlockedWords = s.BlockedWords,
            CloseAfterDays = s.CloseAfterDays, ThreadDepth = s.ThreadDepth, NewestFirst = s.NewestFirst, OwnerNotification = s.OwnerNotification,
        };

        // Members by e-mail: the same people keep their roles where they have an account here.
        var restorerEmail = await db.Users.Where(u => u.Id == restorerId).Select(u => u.NormalizedEmail).SingleAsync(ct);
        var wanted = backup.Members.Select(m => m.Email.ToUpperInvariant()).Distinct().ToList();
        var accounts = await db.Users.Where(u => u.NormalizedEmail != null && wanted.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct);
        var memberIds = new Dictionary<string, string> { [restorerEmail ?? ""] = restorerId };
        foreach (var member in backup.Members)
        {
            var key = member.Email.ToUpperInvariant();
            if (key == restorerEmail || memberIds.ContainsKey(key)) continue;
            if (!accounts.TryGetValue(key, out var userId))
            {
                report.Warn($"{member.DisplayName} ({member.Role}) has no account on this site; invite them from the Members page.");
                continue;
            }
            memberIds[key] = userId;
            db.JournalMembers.Add(new JournalMember { JournalId = journalId, UserId = userId, Role = member.Role, CreatedAt = member.Since });
        }
        string? MemberId(string? email) => email is not null && memberIds.TryGetValue(email.ToUpperInvariant(), out var id) ? id : null;

        var categories = new Dictionary<int, Category>();
        foreach (var c in backup.Categories)
            db.Categories.Add(categories[c.Id] = new Category { JournalId = journalId, Name = c.Name, Slug = c.Slug });
        var tags = new Dictionary<int, Tag>();
        foreach (var t in backup.Tags)
            db.Tags.Add(tags[t.Id] = new Tag { JournalId = journalId, Name = t.Name, Slug = t.Slug });
        await db.SaveChangesAsync(ct);
        var categoryIds = categories.ToDictionary(c => c.Key, c => c.Value.Id);
        var tagIds = tags.ToDictionary(t => t.Key, t => t.Value.Id);
        db.ChangeTracker.Clear();

        await foreach (var p in BackupReader.ReadPostsAsync(zip, ct))
        {
            var authorId = MemberId(p.Author.Email);
            var post = new Post
            {
                JournalId = journalId, Title = p.Title, Slug = p.Slug, Markdown = "", Html = "", PlainText = "", Excerpt = "",
                Status = p.Status, PublishedAt = p.PublishedAt, CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt,
                AuthorId = authorId ?? restorerId, Byline = p.Byline ?? (authorId is null ? p.Author.Name : null),
                CategoryId = p.CategoryId is { } c && categoryIds.TryGetValue(c, out var cid) ? cid : null,
                CommentsOpen = p.CommentsOpen,
                // A restored post is not news: followers are not mailed about what was live before.
                AnnouncedAt = p.Status != PostStatus.Draft && p.PublishedAt <= now ? now : null,
            };
            await editor.RenderAsync(post, PhotoRenumbering.Apply(p.Markdown, photoIds), p.CustomExcerpt, ct);
            foreach (var r in p.Revisions)
                db.PostRevisions.Add(new PostRevision { Post = post, Title = r.Title, Markdown = PhotoRenumbering.Apply(r.Markdown, photoIds), SavedAt = r.SavedAt, SavedById = MemberId(r.SavedByEmail) });
            db.Posts.Add(post);
            await db.SaveChangesAsync(ct);
            foreach (var old in p.OldAddresses)
                db.LegacyPermalinks.Add(new LegacyPermalink { JournalId = journalId, PostId = post.Id, Host = old.Host, Path = old.Path });
            foreach (var tagId in p.TagIds.Where(tagIds.ContainsKey).Select(t => tagIds[t]).Distinct())
                db.Set<Dictionary<string, object>>("PostTags").Add(new Dictionary<string, object> { ["PostsId"] = post.Id, ["TagsId"] = tagId });
            post.CommentCount = AddComments(p, post, MemberId, report);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress.Item(p.Comments.Count);
        }

        foreach (var c in backup.TreatmentCourses) db.TreatmentCourses.Add(Course(c, journalId));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var (from, to) in photoIds)
        {
            var original = backup.Photos.First(p => p.Id == from);
            await db.Photos.Where(p => p.Id == to).ExecuteUpdateAsync(u => u.SetProperty(p => p.UploadedAt, original.UploadedAt)
                .SetProperty(p => p.UploadedById, MemberId(original.UploadedByEmail) ?? restorerId), ct);
        }
    }

    /// <summary>
    /// Adds the post's comments with their parents as navigations, so one save orders the inserts.
    /// A reply whose parent is not in the backup, or that is part of a loop, starts its own thread.
    /// </summary>
    /// <returns>The approved count, for the post's denormalised comment count.</returns>
    private int AddComments(BackupPost p, Post post, Func<string?, string?> memberId, ImportReport report)
    {
        var byId = new Dictionary<int, Comment>();
        var pending = p.Comments.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(c => c.ParentId is null || byId.ContainsKey(c.ParentId.Value)).ToList();
            if (ready.Count == 0)
            {
                // What is left points at a comment that is not there (or at itself, round a loop).
                var orphan = pending.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).First();
                report.Warn($"“{p.Title}”: a reply by {orphan.AuthorName} answered a comment missing from the backup; it starts its own thread.");
                ready = [orphan with { ParentId = null }];
                pending.RemoveAll(c => c.Id == orphan.Id);
            }
            foreach (var c in ready)
            {
                var parent = c.ParentId is { } pid ? byId[pid] : null;
                var comment = new Comment
                {
                    Post = post, Parent = parent, Depth = parent is null ? 1 : parent.Depth + 1,
                    AuthorName = c.AuthorName, AuthorEmail = c.AuthorEmail, AuthorWebsite = c.AuthorWebsite, UserId = memberId(c.AccountEmail),
                    Text = c.Text, Status = c.Status, ModerationNote = c.ModerationNote, NotifyOnReply = c.NotifyOnReply,
                    CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt,
                };
                byId[c.Id] = comment;
                db.Comments.Add(comment);
            }
            var done = ready.Select(c => c.Id).ToHashSet();
            pending.RemoveAll(c => done.Contains(c.Id));
        }
        return p.Comments.Count(c => c.Status == CommentStatus.Approved);
    }

    private static TreatmentCourse Course(BackupCourse c, int journalId) => new()
    {
        JournalId = journalId, Condition = c.Condition, Centre = c.Centre, Country = c.Country, Protocol = c.Protocol, DayZero = c.DayZero,
        ProtocolStart = c.ProtocolStart, ProtocolFirstDay = c.ProtocolFirstDay, Sharing = c.Sharing,
        DeclaredNeutrophilEngraftment = c.DeclaredNeutrophilEngraftment, DeclaredPlateletEngraftment = c.DeclaredPlateletEngraftment, CreatedAt = c.CreatedAt,
        InfusedCd34PerKg = c.InfusedCd34PerKg,
        Drugs = c.Drugs.Select(d => new DrugLine { Purpose = d.Purpose, GenericName = d.GenericName, Brand = d.Brand, Dose = d.Dose, Unit = d.Unit, Basis = d.Basis,
            WeightKg = d.WeightKg, HeightCm = d.HeightCm, Route = d.Route, StartDate = d.StartDate, EndDate = d.EndDate }).ToList(),
        PriorTherapies = c.PriorTherapies.Select(t => new PriorTherapy { GenericName = t.GenericName, Brand = t.Brand, Started = t.Started, Stopped = t.Stopped,
            LastDose = t.LastDose, ReasonStopped = t.ReasonStopped }).ToList(),
        Phases = c.Phases.Select(p => new PhaseRecord { Phase = p.Phase, Planned = p.Planned, Started = p.Started, Note = p.Note }).ToList(),
        Labs = c.Labs.Select(l => new LabResult { Date = l.Date, Time = l.Time, Analyte = l.Analyte, OriginalValue = l.OriginalValue, OriginalUnit = l.OriginalUnit,
            Value = l.Value, Loinc = l.Loinc, Ucum = l.Ucum, ReferenceLow = l.ReferenceLow, ReferenceHigh = l.ReferenceHigh, Note = l.Note, CreatedAt = l.CreatedAt,
            NaturalKey = LabRows.Key(l.Date, l.Time, l.Analyte, l.OriginalValue, l.OriginalUnit) }).ToList(),
        Events = c.Events.Select(e => new TreatmentEvent { Date = e.Date, Type = e.Type, Value = e.Value, Grade = e.Grade, Product = e.Product, Detail = e.Detail,
            Note = e.Note, CreatedAt = e.CreatedAt }).ToList(),
        FollowUps = c.FollowUps.Select(f => new FollowUpItem { Title = f.Title, Due = f.Due, Note = f.Note, Done = f.Done, Uid = f.Uid }).ToList(),
    };
}
