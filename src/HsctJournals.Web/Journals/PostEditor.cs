using HsctJournals.Domain.Text;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Writes posts: create, update (keeping a revision of what was there), restore and delete.
/// One code path for the editor page and the API, so both apply the same limits.
/// </summary>
public sealed class PostEditor(JournalsDbContext db, MarkdownRenderer markdown, IPostReferences references, TimeProvider clock, Caching.PageCacheEviction cache)
{
    public const int MaxTags = 10;

    public async Task<EditResult<Post>> CreateAsync(Journal journal, string authorId, PostInput input, TimeZoneInfo authorZone, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var post = new Post { JournalId = journal.Id, AuthorId = authorId, Title = "", Slug = "", Markdown = "", Html = "", PlainText = "", Excerpt = "" };
            var result = await ApplyAsync(post, journal, input, authorZone, isNew: true, ct);
            if (!result.Succeeded) return result;
            post.CreatedAt = post.UpdatedAt;
            db.Posts.Add(post);
            try
            {
                await db.SaveChangesAsync(ct);
                await cache.PostChangedAsync(post.JournalId, ct);
                return result;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < MaxSaveAttempts)
            {
                // Another post (or category, or tag) with the same slug was saved in the meantime:
                // start again from the database as it is now, which picks the next free slug.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>How often a create is tried when a concurrent one took its slug.</summary>
    private const int MaxSaveAttempts = 10;

    /// <summary>Updates a tracked post. The previous title and text become a revision in the same save.</summary>
    public async Task<EditResult<Post>> UpdateAsync(Post post, Journal journal, string editorId, PostInput input, TimeZoneInfo authorZone, CancellationToken ct = default)
    {
        var previous = new PostRevision { PostId = post.Id, Title = post.Title, Markdown = post.Markdown, SavedAt = post.UpdatedAt, SavedById = editorId };
        var result = await ApplyAsync(post, journal, input, authorZone, isNew: false, ct);
        if (!result.Succeeded) return result;
        if (previous.Title != post.Title || previous.Markdown != post.Markdown)
            db.PostRevisions.Add(previous);
        post.Version++;
        await db.SaveChangesAsync(ct);
        await cache.PostChangedAsync(post.JournalId, ct);
        return result;
    }

    /// <summary>Brings back an earlier version; the current one becomes a revision itself, so nothing is lost.</summary>
    public async Task RestoreAsync(Post post, PostRevision revision, string editorId, CancellationToken ct = default)
    {
        db.PostRevisions.Add(new PostRevision { PostId = post.Id, Title = post.Title, Markdown = post.Markdown, SavedAt = post.UpdatedAt, SavedById = editorId });
        post.Title = revision.Title;
        await RenderAsync(post, revision.Markdown, post.ExcerptIsCustom ? post.Excerpt : null, ct);
        post.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        post.Version++;
        await db.SaveChangesAsync(ct);
        await cache.PostChangedAsync(post.JournalId, ct);
    }

    public async Task DeleteAsync(Post post, CancellationToken ct = default)
    {
        db.Posts.Remove(post);
        await db.SaveChangesAsync(ct);
        await cache.PostChangedAsync(post.JournalId, ct);
    }

    /// <summary>Renders Markdown for the preview, with the journal's photos; nothing is saved.</summary>
    public Task<string> PreviewAsync(Journal journal, string? source, CancellationToken ct = default) =>
        references.PreviewAsync(journal.Id, markdown.ToSafeHtml(Truncate(source ?? "", Post.MarkdownMaxLength)), ct);

    /// <summary>
    /// Renders a post again from its Markdown without making a revision: after a photo it shows was
    /// edited or deleted, so the stored HTML follows.
    /// </summary>
    public async Task RerenderAsync(Post post, CancellationToken ct = default)
    {
        await RenderAsync(post, post.Markdown, post.ExcerptIsCustom ? post.Excerpt : null, ct);
        await db.SaveChangesAsync(ct);
        await cache.PostChangedAsync(post.JournalId, ct);
    }

    private async Task<EditResult<Post>> ApplyAsync(Post post, Journal journal, PostInput input, TimeZoneInfo zone, bool isNew, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var now = clock.GetUtcNow().UtcDateTime;

        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) errors.Add(nameof(input.Title), "Give the post a title.");
        else if (title.Length > Post.TitleMaxLength) errors.Add(nameof(input.Title), $"The title can be at most {Post.TitleMaxLength} characters (it has {title.Length}).");

        var source = input.Markdown ?? "";
        if (string.IsNullOrWhiteSpace(source)) errors.Add(nameof(input.Markdown), "Write something before saving.");
        else if (source.Length > Post.MarkdownMaxLength) errors.Add(nameof(input.Markdown), $"The text can be at most {Post.MarkdownMaxLength:N0} characters (it has {source.Length:N0}). Split it into two posts.");

        else if (await references.ProblemAsync(journal.Id, markdown.ToSafeHtml(source), ct) is { } problem)
            errors.Add(nameof(input.Markdown), problem);

        if ((input.Excerpt?.Trim().Length ?? 0) > Post.ExcerptMaxLength)
            errors.Add(nameof(input.Excerpt), $"The excerpt can be at most {Post.ExcerptMaxLength} characters.");

        // Slug: generated when empty, unique per journal, fixed once readers may have linked to it.
        var wasPublished = !isNew && post.IsLiveAt(now);
        var requested = string.IsNullOrWhiteSpace(input.Slug) ? null : input.Slug.Trim().ToLowerInvariant();
        string slug = post.Slug;
        if (wasPublished && requested is not null && requested != post.Slug)
            errors.Add(nameof(input.Slug), "The address of a published post cannot change: links people shared would break.");
        else if (!wasPublished)
        {
            if (requested is not null && !Slug.IsValid(requested))
                errors.Add(nameof(input.Slug), "The address may use lower-case letters, digits and single hyphens, up to 80 characters.");
            else
            {
                var taken = await db.Posts.Where(p => p.JournalId == journal.Id && p.Id != post.Id).Select(p => p.Slug).ToListAsync(ct);
                var takenSet = taken.ToHashSet();
                if (requested is not null)
                {
                    if (takenSet.Contains(requested)) errors.Add(nameof(input.Slug), $"Another post in this journal already uses the address “{requested}”.");
                    slug = requested;
                }
                else if (title.Length > 0)
                {
                    slug = isNew || post.Slug.Length == 0 ? Slug.MakeUnique(Slug.From(title), takenSet.Contains) : post.Slug;
                }
            }
        }

        // Category: an id must be one of this journal's (forged ids are refused), or a new name.
        Category? category = null;
        var newCategory = input.NewCategory?.Trim();
        if (!string.IsNullOrEmpty(newCategory))
        {
            if (newCategory.Length > Category.NameMaxLength) errors.Add(nameof(input.NewCategory), $"A category name can be at most {Category.NameMaxLength} characters.");
            else
            {
                var categorySlug = Slug.From(newCategory);
                category = await db.Categories.FirstOrDefaultAsync(c => c.JournalId == journal.Id && c.Slug == categorySlug, ct)
                           ?? new Category { JournalId = journal.Id, Name = newCategory, Slug = categorySlug };
            }
        }
        else if (input.CategoryId is { } categoryId)
        {
            category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId && c.JournalId == journal.Id, ct);
            if (category is null) errors.Add(nameof(input.CategoryId), "That category does not exist in this journal.");
        }

        var tagNames = (input.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tagNames.Count > MaxTags) errors.Add(nameof(input.Tags), $"Use at most {MaxTags} tags.");
        if (tagNames.Any(t => t.Length > Tag.NameMaxLength)) errors.Add(nameof(input.Tags), $"Each tag can be at most {Tag.NameMaxLength} characters.");

        if (!Enum.IsDefined(input.Status)) errors.Add(nameof(input.Status), "Choose Draft, Scheduled or Published.");
        DateTime? publishAtUtc = null;
        if (input.PublishAt is { } local)
        {
            publishAtUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        }
        if (input.Status == PostStatus.Scheduled && (publishAtUtc is null || publishAtUtc <= now))
            errors.Add(nameof(input.PublishAt), "To schedule a post, give a publish date and time in the future.");

        if (errors.Any) return errors.Fail<Post>();

        post.Title = title;
        post.Slug = slug;
        await RenderAsync(post, source, string.IsNullOrWhiteSpace(input.Excerpt) ? null : input.Excerpt.Trim(), ct);
        post.Category = category;
        post.CategoryId = category?.Id;
        post.CommentsOpen = input.CommentsOpen;
        post.UpdatedAt = now;
        switch (input.Status)
        {
            case PostStatus.Draft:
                post.Status = PostStatus.Draft;
                // A draft keeps its earlier publish date only if it had one; it is not visible either way.
                post.PublishedAt = publishAtUtc ?? post.PublishedAt;
                break;
            case PostStatus.Scheduled:
                post.Status = PostStatus.Scheduled;
                post.PublishedAt = publishAtUtc;
                break;
            default:
                // Publishing with a future date is scheduling; with no date it is "now" (or the original date).
                post.PublishedAt = publishAtUtc ?? (wasPublished ? post.PublishedAt : now);
                post.Status = post.PublishedAt > now ? PostStatus.Scheduled : PostStatus.Published;
                break;
        }
        await SetTagsAsync(post, journal.Id, tagNames, ct);
        return EditResult<Post>.Ok(post);
    }

    /// <summary>
    /// Sets the source and everything derived from it (HTML with the journal's photos, the photos it
    /// uses, search text, excerpt); the importer uses it too. Saving is the caller's.
    /// </summary>
    public async Task RenderAsync(Post post, string source, string? customExcerpt, CancellationToken ct = default)
    {
        post.Markdown = source;
        // What the post refers to (its photos) is recorded in the same save.
        post.Html = await references.RenderAsync(post, markdown.ToSafeHtml(source), ct);
        // Search text and excerpts are shared by every reader, so embed shortcodes are not part of them.
        var shared = EmbedShortcodes.Strip(post.Html);
        post.PlainText = MarkdownRenderer.ToPlainText(shared);
        post.ExcerptIsCustom = customExcerpt is not null;
        post.Excerpt = customExcerpt ?? Excerpt.Shorten(MarkdownRenderer.ParagraphText(shared), 280);
    }

    private async Task SetTagsAsync(Post post, int journalId, List<string> names, CancellationToken ct)
    {
        if (post.Id != 0) await db.Entry(post).Collection(p => p.Tags).LoadAsync(ct);
        var slugs = names.Select(n => Slug.From(n)).Distinct().ToList();
        var existing = await db.Tags.Where(t => t.JournalId == journalId && slugs.Contains(t.Slug)).ToListAsync(ct);
        post.Tags.Clear();
        foreach (var name in names)
        {
            var tagSlug = Slug.From(name);
            if (post.Tags.Any(t => t.Slug == tagSlug)) continue;
            var tag = existing.FirstOrDefault(t => t.Slug == tagSlug) ?? new Tag { JournalId = journalId, Name = name, Slug = tagSlug };
            post.Tags.Add(tag);
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
