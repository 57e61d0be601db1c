using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Domain.Portability;
using HsctJournals.Domain.Text;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Imports a WordPress export into a journal, in batches of whole posts (a malformed file is refused before
/// anything is written; an import that stops later says exactly what it imported): posts with their
/// categories, tags, excerpts, authors and old addresses, comments with their threads, statuses
/// and authors. Idempotent: every WordPress post and comment is remembered by site and id
/// (<see cref="ImportedItem"/>), so the same file adds nothing and a later export adds only what is new.
/// Memory stays flat: the file is streamed, and the change tracker is emptied after each post and after every
/// <see cref="CommentChunk"/> comments of a long thread.
/// </summary>
public sealed partial class WordPressImporter(JournalsDbContext db, PostEditor editor, MarkdownRenderer markdown, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(int journalId, string importerId, string path, Action<ImportProgress>? progress, CancellationToken ct)
    {
        WxrChannel channel;
        try
        {
            await using var first = File.OpenRead(path);
            channel = WxrReader.ReadChannel(first);
        }
        catch (WxrFormatException e) { return ImportReport.Failed(e); }

        var report = new ImportReport { SiteUrl = channel.SiteUrl };
        var run = await StartAsync(journalId, importerId, channel, report, ct);
        // The first pass read the whole file, so malformed XML has been refused before anything is written. The
        // second writes in batches of about a second each: SQLite has one writer, and a single transaction over a
        // large file would make every other write on the site (comments, sign-ins, tokens) wait, then fail, for
        // minutes. Each batch holds whole posts with their comments and their ImportedItem markers, so what is
        // committed is exactly what is recorded, and importing the file again adds only the rest.
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = System.Diagnostics.Stopwatch.StartNew();
        (bool Any, int Posts, int Comments) committed = (false, 0, 0);
        try
        {
            await using var second = File.OpenRead(path);
            int items = 0, comments = 0;
            foreach (var item in WxrReader.ReadItems(second))
            {
                ct.ThrowIfCancellationRequested();
                comments += await ImportItemAsync(run, item, ct);
                db.ChangeTracker.Clear();
                progress?.Invoke(new ImportProgress(++items, channel.ItemCount, comments, channel.CommentCount));
                if (batch.Elapsed < BatchTime) continue;
                await transaction.CommitAsync(ct);
                await transaction.DisposeAsync();
                committed = (true, report.PostsImported, report.CommentsImported);
                transaction = await db.Database.BeginTransactionAsync(ct);
                batch.Restart();
            }
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (!committed.Any)
            {
                if (e is WxrFormatException format) return ImportReport.Failed(format);
                throw; // nothing was written: the worker's "nothing was imported" is true
            }
            return StoppedAfter(report, committed.Posts, committed.Comments, e is WxrFormatException f ? f.Message : "an unexpected error");
        }
        finally
        {
            await transaction.DisposeAsync();
        }
        report.Succeeded = true;
        return report;
    }

    /// <summary>How long one batch of the import holds the database's write lock, about.</summary>
    private static readonly TimeSpan BatchTime = TimeSpan.FromSeconds(1);

    /// <summary>The report of an import that stopped after some batches were committed: says exactly what is in the journal.</summary>
    private static ImportReport StoppedAfter(ImportReport report, int posts, int comments, string reason)
    {
        report.Succeeded = false;
        report.PostsImported = posts;
        report.CommentsImported = comments;
        report.Error = $"The import stopped ({reason}) after {posts} posts and {comments} comments had been imported. They stay in the journal; "
            + "importing the same file again adds the rest and nothing twice.";
        return report;
    }

    /// <summary>Everything one run needs to know besides the current item.</summary>
    private sealed class Run
    {
        public required Journal Journal { get; init; }
        public required string ImporterId { get; init; }
        public required string Site { get; init; }
        public required string Host { get; init; }
        public required WxrChannel Channel { get; init; }
        public required ImportReport Report { get; init; }
        public required Dictionary<long, int> Posts { get; init; }
        public required Dictionary<long, int> Comments { get; init; }
        /// <summary>Imported before, then deleted here: not brought back.</summary>
        public required HashSet<(ImportedKind, long)> Deleted { get; init; }
        public required Dictionary<string, int> Categories { get; init; }
        public required Dictionary<string, int> Tags { get; init; }
        public required HashSet<string> Slugs { get; init; }
        /// <summary>WordPress login or user id → member of this journal with the same e-mail address.</summary>
        public required Dictionary<string, string> MemberByEmail { get; init; }
        public required DateTime Now { get; init; }
    }

    private async Task<Run> StartAsync(int journalId, string importerId, WxrChannel channel, ImportReport report, CancellationToken ct)
    {
        var site = SiteKey(channel.SiteUrl);
        var known = await db.ImportedItems.Where(i => i.JournalId == journalId && i.SourceSite == site)
            .Select(i => new
            {
                i.Kind, i.SourceId, i.TargetId,
                Exists = i.Kind == ImportedKind.Post ? db.Posts.Any(p => p.Id == i.TargetId) : db.Comments.Any(c => c.Id == i.TargetId),
            }).ToListAsync(ct);
        var members = await db.JournalMembers.Where(m => m.JournalId == journalId && m.Role >= JournalRole.CoAuthor && m.User.Email != null)
            .Select(m => new { m.UserId, m.User.Email }).ToListAsync(ct);
        return new Run
        {
            Journal = await db.Journals.AsNoTracking().SingleAsync(j => j.Id == journalId, ct),
            ImporterId = importerId,
            Site = site,
            Host = Uri.TryCreate(channel.SiteUrl, UriKind.Absolute, out var uri) ? OldAddress.Host(uri.Authority) : "",
            Channel = channel,
            Report = report,
            Posts = known.Where(k => k.Kind == ImportedKind.Post && k.Exists).ToDictionary(k => k.SourceId, k => k.TargetId),
            Comments = known.Where(k => k.Kind == ImportedKind.Comment && k.Exists).ToDictionary(k => k.SourceId, k => k.TargetId),
            Deleted = known.Where(k => !k.Exists).Select(k => (k.Kind, k.SourceId)).ToHashSet(),
            Categories = await db.Categories.Where(c => c.JournalId == journalId).ToDictionaryAsync(c => c.Slug, c => c.Id, ct),
            Tags = await db.Tags.Where(t => t.JournalId == journalId).ToDictionaryAsync(t => t.Slug, t => t.Id, ct),
            Slugs = (await db.Posts.Where(p => p.JournalId == journalId).Select(p => p.Slug).ToListAsync(ct)).ToHashSet(),
            MemberByEmail = members.GroupBy(m => m.Email!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().UserId),
            Now = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <returns>How many comments the item held (imported or not), for progress.</returns>
    private async Task<int> ImportItemAsync(Run run, WxrItem item, CancellationToken ct)
    {
        var title = Title(item.Title);
        if (item.PostType == "attachment")
        {
            if (item.AttachmentUrl is { } url) run.Report.Image(url);
            return item.Comments.Count;
        }
        if (item.PostType != "post")
        {
            run.Report.Skip($"{item.PostType} “{title}”", "only posts are imported; pages and other content types are not.");
            return item.Comments.Count;
        }
        var status = WordPressStatuses.Post(item.Status);
        if (status is null)
        {
            run.Report.Skip($"post “{title}”", $"its WordPress status is “{item.Status}”.");
            return item.Comments.Count;
        }

        if (run.Deleted.Contains((ImportedKind.Post, item.PostId)))
        {
            run.Report.Skip($"post “{title}”", "it was imported before and then deleted here.");
            return item.Comments.Count;
        }
        if (!run.Posts.TryGetValue(item.PostId, out var postId))
        {
            var post = await CreatePostAsync(run, item, title, status.Value, ct);
            if (post is null) return item.Comments.Count;
            postId = post.Id;
            run.Posts[item.PostId] = postId;
            run.Report.PostsImported++;
        }
        else run.Report.PostsAlreadyImported++;

        await ImportCommentsAsync(run, item, postId, ct);
        return item.Comments.Count;
    }

    private async Task<Post?> CreatePostAsync(Run run, WxrItem item, string title, ImportedPostStatus status, CancellationToken ct)
    {
        var warnings = new List<string>();
        var source = markdown.SanitizeHtml(WordPressContent.ToSource(item.Content, id => run.Channel.Attachments.GetValueOrDefault(id), warnings));
        if (source.Length > Post.MarkdownMaxLength)
        {
            run.Report.Skip($"post “{title}”", $"its text is longer than {Post.MarkdownMaxLength:N0} characters.");
            return null;
        }
        foreach (var warning in warnings) run.Report.Warn($"“{title}”: {warning}");
        foreach (Match image in ImageSource().Matches(source)) run.Report.Image(WebUtility.HtmlDecode(image.Groups[1].Value));

        var wanted = Slug.From(Uri.UnescapeDataString(item.Name.Length > 0 ? item.Name : title));
        var slug = Slug.MakeUnique(Slug.IsValid(wanted) ? wanted : Slug.From(title), run.Slugs.Contains);
        run.Slugs.Add(slug);

        var published = item.DateGmt ?? (item.DateLocal is { } local ? DateTime.SpecifyKind(local, DateTimeKind.Utc) : null);
        var author = AuthorOf(run, item);
        var post = new Post
        {
            JournalId = run.Journal.Id, Title = title, Slug = slug, Markdown = "", Html = "", PlainText = "", Excerpt = "",
            AuthorId = author.UserId, Byline = author.Byline,
            Status = StatusMapping.ToPost(status),
            PublishedAt = status == ImportedPostStatus.Draft ? null : published ?? run.Now,
            CreatedAt = published ?? run.Now,
            UpdatedAt = item.ModifiedGmt ?? published ?? run.Now,
            CommentsOpen = item.CommentsOpen,
            // Old posts are history, not news: followers are not mailed about them.
            AnnouncedAt = run.Now,
        };
        var excerpt = WordPressContent.CommentToText(item.Excerpt);
        await editor.RenderAsync(post, source, excerpt.Length == 0 ? null : Excerpt.Shorten(excerpt, Post.ExcerptMaxLength), ct);

        var categories = item.Terms.Where(t => t.Domain == "category").ToList();
        if (categories.Count > 0) post.CategoryId = await CategoryIdAsync(run, categories[0].Name, ct);
        if (categories.Count > 1) run.Report.Warn($"“{title}” had {categories.Count} categories; “{categories[0].Name}” is its category, the others became tags.");
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);

        var tagNames = item.Terms.Where(t => t.Domain == "post_tag").Select(t => t.Name).Concat(categories.Skip(1).Select(c => c.Name));
        foreach (var tagId in (await TagIdsAsync(run, tagNames, ct)).Distinct())
            db.Set<Dictionary<string, object>>("PostTags").Add(new Dictionary<string, object> { ["PostsId"] = post.Id, ["TagsId"] = tagId });
        db.ImportedItems.Add(new ImportedItem { JournalId = run.Journal.Id, SourceSite = run.Site, Kind = ImportedKind.Post, SourceId = item.PostId, TargetId = post.Id });
        var linkHost = Uri.TryCreate(item.Link, UriKind.Absolute, out var link) ? OldAddress.Host(link.Authority) : run.Host;
        foreach (var path in OldAddress.For(item.Link, item.DateLocal ?? published ?? run.Now, item.Name.Length > 0 ? item.Name : slug, item.PostId))
            db.LegacyPermalinks.Add(new LegacyPermalink { JournalId = run.Journal.Id, PostId = post.Id, Host = linkHost, Path = path });
        await db.SaveChangesAsync(ct);
        return post;
    }

    /// <summary>
    /// How many comments are written, remembered and let go at a time. A post's whole thread in one unit made the
    /// import's memory grow with the longest thread in the file (a 3,840-comment post in the 47 MB benchmark file):
    /// every comment and its marker tracked at once, promoted past the young GC generations before the save.
    /// </summary>
    internal const int CommentChunk = 200;

    private async Task ImportCommentsAsync(Run run, WxrItem item, int postId, CancellationToken ct)
    {
        if (item.Comments.Count == 0) return;
        var inFile = item.Comments.ToDictionary(c => c.Id);
        // Written in chunks of CommentChunk: a parent in the current chunk is linked by navigation, one written in
        // an earlier chunk (or an earlier import) by its id, which run.Comments then holds.
        var pending = new List<(long SourceId, Comment Comment)>(Math.Min(item.Comments.Count, CommentChunk));
        var pendingById = new Dictionary<long, Comment>();
        var skipped = new HashSet<long>();
        var depths = new Dictionary<long, int>();
        var existingDepths = new Dictionary<int, int>();
        var maxDepth = run.Journal.Comments.ThreadDepth;
        int deeper = 0, added = 0;

        // Parents first: WordPress writes comments by id, so one pass nearly always suffices.
        var waiting = item.Comments.OrderBy(c => c.Id).ToList();
        while (waiting.Count > 0)
        {
            var next = new List<WxrComment>();
            foreach (var c in waiting)
            {
                var parentWaits = c.Parent != 0 && inFile.ContainsKey(c.Parent) && !pendingById.ContainsKey(c.Parent)
                    && !run.Comments.ContainsKey(c.Parent) && !skipped.Contains(c.Parent);
                if (parentWaits) { next.Add(c); continue; }
                if (run.Comments.ContainsKey(c.Id)) { run.Report.CommentsAlreadyImported++; continue; }
                if (run.Deleted.Contains((ImportedKind.Comment, c.Id)))
                {
                    skipped.Add(c.Id);
                    run.Report.Skip($"comment {c.Id} on “{Title(item.Title)}”", "it was imported before and then deleted here.");
                    continue;
                }
                if (c.Type is "pingback" or "trackback")
                {
                    skipped.Add(c.Id);
                    run.Report.Skip($"{c.Type} on “{Title(item.Title)}”", "pingbacks and trackbacks are not comments.");
                    continue;
                }
                var status = WordPressStatuses.Comment(c.Approved);
                if (status is null)
                {
                    skipped.Add(c.Id);
                    run.Report.Skip($"comment {c.Id} on “{Title(item.Title)}”", $"its approval status “{c.Approved}” is unknown.");
                    continue;
                }
                var comment = NewComment(run, c, postId, StatusMapping.ToComment(status.Value));
                var depth = 1;
                if (c.Parent != 0 && pendingById.TryGetValue(c.Parent, out var parent))
                {
                    comment.Parent = parent;
                    depth = depths[c.Parent] + 1;
                }
                else if (c.Parent != 0 && run.Comments.TryGetValue(c.Parent, out var existingId))
                {
                    comment.ParentId = existingId;
                    if (!depths.TryGetValue(c.Parent, out var parentDepth) && !existingDepths.TryGetValue(existingId, out parentDepth))
                        existingDepths[existingId] = parentDepth = await db.Comments.Where(x => x.Id == existingId).Select(x => x.Depth).SingleAsync(ct);
                    depth = parentDepth + 1;
                }
                else if (c.Parent != 0)
                    run.Report.Warn($"Comment {c.Id} on “{Title(item.Title)}” answers comment {c.Parent}, which is not in the file; it is shown as a new thread.");
                if (depth > maxDepth) deeper++;
                comment.Depth = depth;
                depths[c.Id] = depth;
                pending.Add((c.Id, comment));
                pendingById[c.Id] = comment;
                db.Comments.Add(comment);
                if (pending.Count < CommentChunk) continue;
                added += await WriteCommentsAsync(run, pending, ct);
                pendingById.Clear();
            }
            if (next.Count == waiting.Count)
            {
                // A loop of parents (a corrupt file): import them as new threads rather than spin.
                foreach (var c in next) run.Report.Warn($"Comment {c.Id} is part of a loop of replies; it was not imported.");
                break;
            }
            waiting = next;
        }
        added += await WriteCommentsAsync(run, pending, ct);
        if (deeper > 0) run.Report.Warn($"“{Title(item.Title)}”: {deeper} replies are nested deeper than the journal's thread depth ({maxDepth}); they keep their place in the thread.");
        if (added == 0) return;

        await CommentStore.RecountAsync(db, db.Posts.Where(p => p.Id == postId), ct);
    }

    /// <summary>
    /// Writes the pending comments and their <see cref="ImportedItem"/> markers (in the import's open transaction),
    /// remembers their new ids in <c>run.Comments</c>, and lets the change tracker forget them.
    /// </summary>
    /// <returns>How many were written.</returns>
    private async Task<int> WriteCommentsAsync(Run run, List<(long SourceId, Comment Comment)> pending, CancellationToken ct)
    {
        if (pending.Count == 0) return 0;
        await db.SaveChangesAsync(ct);
        foreach (var (sourceId, comment) in pending)
        {
            run.Comments[sourceId] = comment.Id;
            db.ImportedItems.Add(new ImportedItem { JournalId = run.Journal.Id, SourceSite = run.Site, Kind = ImportedKind.Comment, SourceId = sourceId, TargetId = comment.Id });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var written = pending.Count;
        run.Report.CommentsImported += written;
        pending.Clear();
        return written;
    }

    private static Comment NewComment(Run run, WxrComment c, int postId, CommentStatus status)
    {
        var email = (c.Email ?? "").Trim().ToLowerInvariant();
        if (email.Length > Comment.EmailMaxLength) email = "";
        var text = WordPressContent.CommentToText(c.Content);
        if (text.Length > Domain.Comments.CommentText.MaxLength)
        {
            text = text[..Domain.Comments.CommentText.MaxLength];
            run.Report.Warn($"Comment {c.Id} was longer than {Domain.Comments.CommentText.MaxLength:N0} characters and was shortened.");
        }
        // The journal's own people are linked to their accounts: by their WordPress user, else by address.
        string? userId = null;
        if (c.UserId != 0 && run.Channel.Authors.Values.FirstOrDefault(a => a.Id == c.UserId)?.Email is { } authorEmail)
            run.MemberByEmail.TryGetValue(authorEmail.ToLowerInvariant(), out userId);
        if (userId is null && email.Length > 0) run.MemberByEmail.TryGetValue(email, out userId);
        return new Comment
        {
            PostId = postId,
            AuthorName = Truncate(WebUtility.HtmlDecode(c.Author).Trim(), Comment.NameMaxLength) is { Length: > 0 } name ? name : "Anonymous",
            AuthorEmail = email,
            AuthorWebsite = Uri.TryCreate(c.Url, UriKind.Absolute, out var site) && site.Scheme is "http" or "https" && c.Url!.Length <= Comment.WebsiteMaxLength ? c.Url : null,
            UserId = userId,
            Text = text.Length > 0 ? text : "…",
            Status = status,
            CreatedAt = c.DateGmt ?? run.Now,
        };
    }

    private (string UserId, string? Byline) AuthorOf(Run run, WxrItem item)
    {
        var author = run.Channel.Authors.GetValueOrDefault(item.Creator);
        if (author?.Email is { } email && run.MemberByEmail.TryGetValue(email.ToLowerInvariant(), out var member)) return (member, null);
        var byline = Truncate(WebUtility.HtmlDecode(author?.DisplayName ?? item.Creator).Trim(), Post.BylineMaxLength);
        return (run.ImporterId, byline.Length > 0 ? byline : null);
    }

    private async Task<int> CategoryIdAsync(Run run, string name, CancellationToken ct)
    {
        name = Truncate(WebUtility.HtmlDecode(name).Trim(), Category.NameMaxLength);
        var slug = Slug.From(name);
        if (run.Categories.TryGetValue(slug, out var id)) return id;
        var category = new Category { JournalId = run.Journal.Id, Name = name, Slug = slug };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return run.Categories[slug] = category.Id;
    }

    private async Task<List<int>> TagIdsAsync(Run run, IEnumerable<string> names, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var raw in names)
        {
            var name = Truncate(WebUtility.HtmlDecode(raw).Trim(), Tag.NameMaxLength);
            if (name.Length == 0) continue;
            var slug = Slug.From(name);
            if (!run.Tags.TryGetValue(slug, out var id))
            {
                var tag = new Tag { JournalId = run.Journal.Id, Name = name, Slug = slug };
                db.Tags.Add(tag);
                await db.SaveChangesAsync(ct);
                run.Tags[slug] = id = tag.Id;
            }
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>The site key that makes imports idempotent: lower case, no scheme, no trailing slash.</summary>
    public static string SiteKey(string url)
    {
        var key = url.Trim().ToLowerInvariant();
        key = key.StartsWith("https://", StringComparison.Ordinal) ? key[8..] : key.StartsWith("http://", StringComparison.Ordinal) ? key[7..] : key;
        return Truncate(key.TrimEnd('/'), 300);
    }

    private static string Title(string raw) =>
        Truncate(WebUtility.HtmlDecode(raw).Trim(), Post.TitleMaxLength) is { Length: > 0 } title ? title : "Untitled";

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    [GeneratedRegex("<img\\b[^>]*\\bsrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ImageSource();
}
