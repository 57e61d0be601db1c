using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// One post with its byline, tags, links to the previous and next posts, and the sections features above Journals
/// add under it (<see cref="IPostSection"/>: the comments). A section's form posts back here (<c>?handler=</c> its
/// name) so a problem re-shows the whole page with the text kept; antiforgery is the section's to check, by hand,
/// because anonymous readers get a shared (cached) page that carries no token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class PostPageModel(JournalContext context, JournalsDbContext db, JournalAccess access, DayLabels dayLabels, IEnumerable<IPostSection> sections,
    IPostEmbeds embeds, IPostReferences references, TimeProvider clock) : JournalPageModel(context)
{
    /// <summary>
    /// The post as the page shows it, read for showing only (not tracked): its <see cref="Post.Markdown"/> and
    /// <see cref="Post.PlainText"/> are empty and <see cref="Post.Author"/>, dates other than publication, the
    /// version and the tags are not loaded (the byline is in <see cref="Summary"/>, the tags in <see cref="Tags"/>).
    /// </summary>
    public Post Post { get; private set; } = null!;
    public PostSummary Summary { get; private set; } = null!;
    public List<Tag> Tags { get; private set; } = [];
    /// <summary>The live post published just before this one in the journal, if any.</summary>
    public PostLink? Previous { get; private set; }
    /// <summary>The live post published just after this one in the journal, if any.</summary>
    public PostLink? Next { get; private set; }
    /// <summary>The sections under the post, in order.</summary>
    public List<PostSectionView> Sections { get; } = [];
    /// <summary>The post's HTML for this reader: embedded charts and milestones only under the treatment sharing rule.</summary>
    public string BodyHtml { get; private set; } = "";

    private readonly List<IPostSection> _sections = sections.OrderBy(s => s.Order).ToList();

    public async Task<IActionResult> OnGetAsync(string journal, string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, null, null, ct)) return NotFound();
        ShareWithAnonymousReaders(Post.Id);
        return Page();
    }

    /// <summary>
    /// A section's form: the section named by <c>?handler=</c> takes it. Any other post is answered 405, as a page
    /// without that handler is (<see cref="UnknownHandlerFilter"/>).
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string journal, string slug, CancellationToken ct)
    {
        var name = Request.Query["handler"].ToString();
        var section = _sections.FirstOrDefault(s => s.Handler is not null && string.Equals(s.Handler, name, StringComparison.OrdinalIgnoreCase));
        if (section is null) return StatusCode(StatusCodes.Status405MethodNotAllowed);
        var answer = await section.PostAsync(this, slug, ct);
        if (answer.Result is { } result) return result;
        return await LoadAsync(slug, section, answer.Posted, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// Binds a section's form fields (named <paramref name="prefix"/>.*) into <paramref name="model"/> and validates it,
    /// recording problems in ModelState as a bound property of the page would (and, like one, binding unprefixed
    /// names when none carries the prefix).
    /// </summary>
    public async Task<bool> BindAsync<T>(T model, string prefix) where T : class
    {
        var values = await CompositeValueProvider.CreateAsync(PageContext, PageContext.ValueProviderFactories);
        return await TryUpdateModelAsync(model, prefix.Length == 0 || values.ContainsPrefix(prefix) ? prefix : "", values);
    }

    /// <summary>
    /// The post as the page shows it: only what the page and its sections use — without its Markdown and plain text (the
    /// page shows the HTML), the author's name rather than their account row, the category's name and slug, the tags'.
    /// </summary>
    private sealed record ShownPost(Post Post, string Author, string? CategoryName, string? CategorySlug, List<Tag> Tags);

    private static readonly ReadablePostQuery<ShownPost> Shown = new(p => new ShownPost(
        new Post
        {
            Id = p.Id, JournalId = p.JournalId, Title = p.Title, Slug = p.Slug, Markdown = "", Html = p.Html, PlainText = "",
            Excerpt = p.Excerpt, Status = p.Status, PublishedAt = p.PublishedAt, AuthorId = p.AuthorId, Byline = p.Byline,
            CategoryId = p.CategoryId, CommentsOpen = p.CommentsOpen, CommentCount = p.CommentCount, CommentsStamp = p.CommentsStamp,
        },
        p.Author.DisplayName,
        p.Category == null ? null : p.Category.Name,
        p.Category == null ? null : p.Category.Slug,
        p.Tags.Select(t => new Tag { Id = t.Id, JournalId = t.JournalId, Name = t.Name, Slug = t.Slug }).ToList()));

    private sealed record Neighbour(int Id, string Title, string Slug, DateTime? PublishedAt);

    /// <summary>
    /// Both neighbours of a live post in one round trip (UNION ALL of the two one-row queries), with only what the links
    /// show; each is told apart by where it falls. Compiled (decision 0061): every uncached post page runs it.
    /// </summary>
    private static readonly CompiledQuery<Func<JournalsDbContext, int, DateTime, DateTime, int, IAsyncEnumerable<Neighbour>>> NeighboursQuery = new(() =>
        EF.CompileAsyncQuery(Post.WithLiveRule<Func<JournalsDbContext, int, DateTime, DateTime, int, IQueryable<Neighbour>>>((db, journalId, now, at, postId) =>
            db.Posts.AsNoTracking().Where(p => p.JournalId == journalId && Post.IsLiveStandIn(p, now) && (p.PublishedAt < at || (p.PublishedAt == at && p.Id < postId)))
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(1)
                .Select(p => new { p.Id, p.Title, p.Slug, p.PublishedAt })
            .Concat(db.Posts.AsNoTracking().Where(p => p.JournalId == journalId && Post.IsLiveStandIn(p, now) && (p.PublishedAt > at || (p.PublishedAt == at && p.Id > postId)))
                .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Take(1)
                .Select(p => new { p.Id, p.Title, p.Slug, p.PublishedAt }))
            // The set operation on an anonymous shape (translatable on both databases), then the named one a compiled query returns.
            .Select(p => new Neighbour(p.Id, p.Title, p.Slug, p.PublishedAt)))));

    /// <summary>Loads the page; <paramref name="posted"/> goes to <paramref name="postedTo"/>, the section whose form was posted.</summary>
    private async Task<bool> LoadAsync(string slug, IPostSection? postedTo, object? posted, CancellationToken ct)
    {
        var found = await access.FindReadablePostAsync(Context, slug, Shown, ct);
        if (found is null) return false;
        var post = Post = found.Post;
        BodyHtml = await embeds.ForReaderAsync(post.Html, Journal, CurrentReader, postedAtUtc: post.LiveFrom, ct: ct);
        Tags = found.Tags.OrderBy(t => t.Name).ToList();
        Summary = (await dayLabels.LabelAsync([new PostSummary(post.Id, post.Title, post.Slug, Journal.Slug, Journal.Title,
            post.Byline ?? found.Author, post.PublishedAt, post.Status, found.CategoryName, found.CategorySlug, post.CommentCount, post.Excerpt)], ct))[0];

        if (post.LiveFrom is { } at)
        {
            var rows = await NeighboursQuery.For(db)(db, Journal.Id, clock.GetUtcNow().UtcDateTime, at, post.Id).ToListAsync(ct);
            Previous = rows.Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id < post.Id))
                .Select(p => new PostLink(p.Title, PostLink.UrlOf(Journal.Slug, p.Slug))).FirstOrDefault();
            Next = rows.Where(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id > post.Id))
                .Select(p => new PostLink(p.Title, PostLink.UrlOf(Journal.Slug, p.Slug))).FirstOrDefault();
        }

        Meta.Description = post.Excerpt;
        Meta.OgType = "article";
        Meta.CanonicalPath = Summary.Url;
        if (!post.IsLiveAt(clock.GetUtcNow().UtcDateTime)) Meta.NoIndex = true;
        // Link previews show the post's first photo only when anyone may see it: a live post of a public journal.
        else if (Journal.Visibility == JournalVisibility.Public) Meta.ImagePath = references.FirstImagePath(post.Html);
        // Sections load last, after the page's own metadata: what they add to the head (a feed) follows it.
        foreach (var section in _sections)
            Sections.Add(await section.LoadAsync(this, post, section == postedTo ? posted : null, ct));
        return true;
    }
}
