using System.Linq.Expressions;
using HsctJournals.Domain.Comments;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Loads the comments under a post in one query and builds them into threads (CommentThreadBuilder),
/// one page of whole top-level threads at a time. The caller has already loaded the post through the
/// access rule, so a post the reader may not read never gets here.
/// </summary>
public sealed class CommentThreads(JournalsDbContext db, CommentKeys keys, CommentCookies cookies,
    FormTimestamp timestamps, IOptions<CommentOptions> options, TimeProvider clock, ApprovedThreadShapes shapes, ApprovedThreadViews views,
    SignedInPerson signedIn)
{
    public const int PageSize = CommentPagination.DefaultPageSize;

    /// <summary>The comment section of a post in the request's journal, for the context's reader.</summary>
    public async Task<CommentSection> LoadAsync(JournalContext here, Post post, HttpRequest request, int? page, int? replyTo, CancellationToken ct)
    {
        var (journal, reader, role) = (here.Journal, here.Reader, here.Role);
        var now = clock.GetUtcNow();
        var userId = reader.UserId;
        var tokenHash = CommentCookies.AuthorTokenHash(request);
        var editableSince = options.Value.EditableSince(now);
        var policy = CommentPolicies.From(journal.Comments);
        CommentForest<CommentView> forest;
        CommentPage<CommentView> shown;
        CommentNode<CommentView>? target;
        RememberedThreadsKey? rememberedThreads = null;
        if (post.CommentCount <= ShapeFirstAbove)
        {
            // A reader with nothing of their own here sees the approved threads everyone sees: remembered per post and stamp.
            if (await HasOwnShownAsync(post.Id, userId, tokenHash, editableSince, ct))
                forest = CommentThreadBuilder.Build(await ViewsAsync(Visible(post.Id, userId, tokenHash), userId, tokenHash, editableSince, ct), policy.Order, policy.MaxDepth);
            else
            {
                rememberedThreads = new RememberedThreadsKey(post.Id, post.CommentsStamp, policy.Order, policy.MaxDepth);
                forest = await views.GetAsync(rememberedThreads,
                    () => ViewsAsync(Visible(post.Id, userId: null, tokenHash: null), userId: null, tokenHash: null, editableSince, ct));
            }
            (shown, target) = Cut(forest, page, replyTo, view => view.IsPending);
        }
        else
        {
            // A long conversation: its shape (ids, parents, times; remembered per post and stamp) with the reader's own
            // held comments, the page cut from that, then the full rows of that page's threads only. A page holds whole
            // threads, so building them alone gives the same nodes. A reader with nothing of their own here sees the
            // approved shape and that page's approved threads as everyone does: remembered per post, stamp and page.
            var ownShown = await HasOwnShownAsync(post.Id, userId, tokenHash, editableSince, ct);
            var shapeForest = ownShown ? await ShapeAsync(post, policy, userId, tokenHash, ct) : await ApprovedShapeAsync(post, policy, ct);
            var (shapePage, shapeTarget) = Cut(shapeForest, page, replyTo, pending => pending);
            var ids = IdsOf(shapePage);
            if (ownShown)
                forest = CommentThreadBuilder.Build(await ViewsAsync(VisibleWithIds(ids, userId, tokenHash), userId, tokenHash, editableSince, ct),
                    policy.Order, policy.MaxDepth);
            else
            {
                rememberedThreads = new RememberedThreadsKey(post.Id, post.CommentsStamp, policy.Order, policy.MaxDepth, shapePage.Number);
                forest = await views.GetAsync(rememberedThreads,
                    () => ViewsAsync(VisibleWithIds(ids, userId: null, tokenHash: null), userId: null, tokenHash: null, editableSince, ct));
            }
            shown = Shown(shapePage, forest);
            target = shapeTarget is null ? null : forest.Find(shapeTarget.Id);
        }

        var unavailable = CommentModeration.ClosedReason(CommentPolicies.InputFor(journal, post), now);
        var notPermitted = unavailable is null ? CommentPolicies.NotPermittedReason(journal.Comments, reader, role) : null;
        string? signedInName = null;
        if (userId is not null)
            signedInName = signedIn.DisplayNameOf(userId) ?? await DisplayNameQuery.For(db)(db, userId, ct);

        var remembered = cookies.Read(request);
        return new CommentSection
        {
            JournalSlug = journal.Slug, PostSlug = post.Slug, Forest = forest, Page = shown, NowUtc = now.UtcDateTime, Remembered = rememberedThreads,
            ReplyTo = target,
            SignedInName = signedInName,
            Unavailable = unavailable ?? notPermitted,
            SignInMayHelp = unavailable is null && notPermitted is not null && !reader.IsSignedIn,
            FeedPath = journal.Visibility is JournalVisibility.Public or JournalVisibility.Unlisted ? $"/j/{journal.Slug}/posts/{post.Slug}/comments.rss" : null,
            FormTimestamp = timestamps.Now(),
            Input = new CommentForm
            {
                ParentId = (int?)target?.Id,
                AuthorName = remembered?.Name, AuthorEmail = remembered?.Email, Website = remembered?.Website,
                Remember = remembered is not null,
            },
        };
    }

    /// <summary>
    /// One page of a post's approved comments for the API (no reader's own held comments, no avatars, no edit links):
    /// the same threads and pages as the post page shows a reader with nothing of their own.
    /// </summary>
    public async Task<(CommentPage<CommentView> Page, int CommentCount)> ApprovedPageAsync(Journal journal, int postId, int commentCount,
        long commentsStamp, int? page, CancellationToken ct)
    {
        var policy = CommentPolicies.From(journal.Comments);
        var approved = db.Comments.AsNoTracking().Where(c => c.PostId == postId && c.Status == CommentStatus.Approved);
        if (commentCount <= ShapeFirstAbove)
        {
            var forest = CommentThreadBuilder.Build(await PlainViewsAsync(approved, ct), policy.Order, policy.MaxDepth);
            return (CommentPagination.Paginate(forest, page ?? CommentPagination.DefaultPage(forest, PageSize), PageSize), forest.Count);
        }

        var shape = await shapes.GetAsync(db, postId, commentsStamp, policy, ct);
        var shapePage = CommentPagination.Paginate(shape.Forest, page ?? CommentPagination.DefaultPage(shape.Forest, PageSize), PageSize);
        var ids = IdsOf(shapePage);
        var pageForest = CommentThreadBuilder.Build(await PlainViewsAsync(VisibleWithIds(ids, null, null), ct), policy.Order, policy.MaxDepth);
        return (Shown(shapePage, pageForest), shape.Forest.Count);
    }

    // No avatar: API clients draw their own, and the API must not carry anything derived from the address.
    private static async Task<IEnumerable<CommentSource<CommentView>>> PlainViewsAsync(IQueryable<Comment> comments, CancellationToken ct) =>
        (await comments.Select(c => new { c.Id, c.ParentId, c.AuthorName, c.AuthorWebsite, c.Text, c.CreatedAt }).ToListAsync(ct))
        .Select(r => new CommentSource<CommentView>(r.Id, r.ParentId, Utc(r.CreatedAt), r.AuthorName,
            new CommentView(r.Id, r.ParentId, r.AuthorName, r.AuthorWebsite, r.Text, r.CreatedAt, "", false, false)));

    /// <summary>
    /// The page of the post's thread that shows comment <paramref name="commentId"/> to the request's reader (what the
    /// redirect after posting needs), without reading the post's other comments: the comment's thread root, found by
    /// walking up its visible parents, and a count of the visible thread roots before that root in time.
    /// </summary>
    /// <remarks>
    /// Pages are cut from the top-level threads oldest first whatever the display order, a thread never split
    /// (<see cref="CommentPagination"/>), so a comment's page is the chronological place of its thread's root. A root is
    /// what <see cref="CommentThreadBuilder"/> puts at the top level: a comment with no parent, a self-reply, or one whose
    /// parent the reader does not see (an orphan). A loop of parents is the builder's other case; the app never stores
    /// one (a reply's parent already exists, and the WordPress import and the restore refuse loops), and a walk that meets
    /// one, or climbs further than any real thread, asks the builder with every row instead. Reading every row was what
    /// this did before: on a post of 10,000 comments it was three quarters of a comment POST's CPU (bench/README.md).
    /// </remarks>
    public async Task<int> PageOfAsync(JournalContext here, Comment stored, HttpRequest request, CancellationToken ct)
    {
        var (userId, tokenHash) = (here.Reader.UserId, CommentCookies.AuthorTokenHash(request));
        var visible = Visible(stored.PostId, userId, tokenHash, alsoId: stored.Id);
        // The walk starts from the row in hand: the comment was just stored and its author sees it (approved, or held and theirs).
        if (await ThreadRootAsync(visible, new ShapeRow(stored.Id, stored.ParentId, stored.CreatedAt), ct) is not { } root)
            return await PageOfFromEveryRowAsync(here, visible, stored.Id, ct);
        var rootsBefore = await RootsBeforeQuery.For(db)(db, stored.PostId, userId, tokenHash, stored.Id, root.CreatedAt, root.Id, ct);
        return rootsBefore / PageSize + 1;
    }

    /// <summary>
    /// The longest walk up a thread before the builder is asked instead. Replies below the shown depth keep their real
    /// parent, so a long back-and-forth is a long chain; each step is one lookup by key.
    /// </summary>
    private const int LongestWalk = 100;

    private sealed record ShapeRow(int Id, int? ParentId, DateTime CreatedAt);

    /// <summary>The top of the thread of <paramref name="start"/> (a visible comment) as the reader sees it; null when the walk meets a loop.</summary>
    private static async Task<ShapeRow?> ThreadRootAsync(IQueryable<Comment> visible, ShapeRow start, CancellationToken ct)
    {
        var climbed = new HashSet<int> { start.Id };
        var node = start;
        while (node.ParentId is { } parentId && parentId != node.Id)
        {
            if (!climbed.Add(parentId) || climbed.Count > LongestWalk) return null;
            var row = await visible.Where(c => c.Id == parentId).Select(c => new ShapeRow(c.Id, c.ParentId, c.CreatedAt)).FirstOrDefaultAsync(ct);
            if (row is null) return node; // the parent is not visible: the comment below it is an orphan, at the top
            node = row;
        }
        return node;
    }

    /// <summary>The builder's answer from every visible comment's id, parent and time.</summary>
    private static async Task<int> PageOfFromEveryRowAsync(JournalContext here, IQueryable<Comment> visible, int commentId, CancellationToken ct)
    {
        var rows = await visible.Select(c => new { c.Id, c.ParentId, c.CreatedAt }).ToListAsync(ct);
        var policy = CommentPolicies.From(here.Journal.Comments);
        var forest = CommentThreadBuilder.Build(rows.Select(r => new CommentSource<int>(r.Id, r.ParentId, Utc(r.CreatedAt), "", r.Id)), policy.Order, policy.MaxDepth);
        return CommentPagination.PageOf(forest, commentId, PageSize) ?? CommentPagination.PageCount(forest, PageSize);
    }

    /// <summary>
    /// Above this many approved comments the section reads the thread's shape before the page's rows (a post with 10,000
    /// comments otherwise read and built all of them for each page of 50 threads); at or below it, one query reads all.
    /// </summary>
    public const int ShapeFirstAbove = 1_000;

    /// <summary>The shape of a long conversation as everyone sees it: its approved comments, remembered per post and stamp.</summary>
    private async Task<CommentForest<bool>> ApprovedShapeAsync(Post post, CommentPolicy policy, CancellationToken ct) =>
        (await shapes.GetAsync(db, post.Id, post.CommentsStamp, policy, ct)).Forest;

    /// <summary>The shape of a long conversation as this reader sees it: the remembered approved one, plus their own held comments.</summary>
    private async Task<CommentForest<bool>> ShapeAsync(Post post, CommentPolicy policy, string? userId, string? tokenHash, CancellationToken ct)
    {
        var approved = await shapes.GetAsync(db, post.Id, post.CommentsStamp, policy, ct);
        if (userId is null && tokenHash is null) return approved.Forest;
        // The held comments among those this reader sees: the one visibility rule, asked of the post's held comments.
        var held = await VisibleAmong(db.Comments.Where(c => c.PostId == post.Id && c.Status == CommentStatus.Pending), userId, tokenHash, alsoId: null)
            .Select(c => new { c.Id, c.ParentId, c.CreatedAt }).ToListAsync(ct);
        // A comment unapproved after this request read the stamp is in both: it is shown once, as the shape has it.
        held.RemoveAll(r => approved.Forest.Find(r.Id) is not null);
        if (held.Count == 0) return approved.Forest;
        return CommentThreadBuilder.Build(approved.Rows.Concat(held.Select(r => new CommentSource<bool>(r.Id, r.ParentId, Utc(r.CreatedAt), "", true))),
            policy.Order, policy.MaxDepth);
    }

    /// <summary>Every comment on a page cut from a shape, at every level.</summary>
    private static List<int> IdsOf<T>(CommentPage<T> page) => page.Threads.SelectMany(Descendants).Select(n => (int)n.Id).ToList();

    /// <summary>The page cut from the shape, with the threads' full nodes. A thread deleted between the two reads is simply not shown this time.</summary>
    private static CommentPage<CommentView> Shown<T>(CommentPage<T> shapePage, CommentForest<CommentView> forest) =>
        new(shapePage.Number, shapePage.PageSize, shapePage.PageCount, shapePage.TotalThreads,
            shapePage.Threads.Select(t => forest.Find(t.Id)).OfType<CommentNode<CommentView>>().ToList());

    private async Task<List<CommentSource<CommentView>>> ViewsAsync(IQueryable<Comment> comments, string? userId, string? tokenHash,
        DateTime editableSince, CancellationToken ct)
    {
        var rows = await comments
            .Select(CommentOwnership.Of(c => new
            {
                c.Id, c.ParentId, c.AuthorName, c.AuthorWebsite, c.AuthorEmail, c.Text, c.CreatedAt, c.Status,
                Mine = CommentOwnership.IsOwnedBy(c, userId, tokenHash),
            }))
            .ToListAsync(ct);
        return rows.Select(r => new CommentSource<CommentView>(r.Id, r.ParentId, Utc(r.CreatedAt), r.AuthorName,
            new CommentView(r.Id, r.ParentId, r.AuthorName, r.AuthorWebsite, r.Text, r.CreatedAt,
                keys.AvatarFor(r.AuthorEmail, r.AuthorName).Svg, r.Status == CommentStatus.Pending, r.Mine && r.CreatedAt > editableSince))).ToList();
    }

    /// <summary>The page to show and the comment a reply link targets (null when it is held or not on that page).</summary>
    private static (CommentPage<T> Page, CommentNode<T>? Target) Cut<T>(CommentForest<T> forest, int? page, int? replyTo, Func<T, bool> isPending)
    {
        var number = page ?? CommentPagination.DefaultPage(forest, PageSize);
        var target = replyTo is { } id ? forest.Find(id) : null;
        // A reply link always opens on the page that shows its comment.
        if (target is not null && page is null) number = CommentPagination.PageOf(forest, target.Id, PageSize) ?? number;
        var shown = CommentPagination.Paginate(forest, number, PageSize);
        if (target is not null && (isPending(target.Payload) || shown.Threads.All(t => !ReferenceEquals(t, target.ThreadRoot)))) target = null;
        return (shown, target);
    }

    private static IEnumerable<CommentNode<T>> Descendants<T>(CommentNode<T> node) =>
        node.Children.SelectMany(Descendants).Prepend(node);

    /// <summary>
    /// Whether the reader has a comment under the post that they see differently from everyone else
    /// (<see cref="OwnCommentsShownApart"/>). Anonymous readers have none.
    /// </summary>
    private async Task<bool> HasOwnShownAsync(int postId, string? userId, string? tokenHash, DateTime editableSince, CancellationToken ct) =>
        (userId is not null || tokenHash is not null) && await HasOwnShownQuery.For(db)(db, postId, userId, tokenHash, editableSince, ct);

    /// <summary><see cref="HasOwnShownAsync"/>'s statement: compiled (decision 0061), since every uncached post page asks it.</summary>
    private static readonly CompiledQuery<Func<JournalsDbContext, int, string?, string?, DateTime, CancellationToken, Task<bool>>> HasOwnShownQuery = new(() =>
        EF.CompileAsyncQuery(CommentOwnership.Expand(OwnCommentsShownApart.Inline<Func<JournalsDbContext, int, string?, string?, DateTime, CancellationToken, bool>>(
            (db, postId, userId, tokenHash, editableSince, ct) => OwnCommentsShownApart.Among(
                db.Comments.Where(c => c.PostId == postId && CommentOwnership.IsOwnedBy(c, userId, tokenHash)), editableSince).Any()))));

    /// <summary>The comments a reader sees under a post: approved ones, plus their own held ones (by account or by their cookie's secret).</summary>
    private IQueryable<Comment> Visible(int postId, string? userId, string? tokenHash, int? alsoId = null) =>
        VisibleAmong(db.Comments.Where(c => c.PostId == postId), userId, tokenHash, alsoId);

    /// <summary>
    /// The comments with these ids (all of one post, from its shape) that the reader sees. Asked by id alone, not by post
    /// too: SQLite then looks each one up by its key, where with the post in the query it walked the post's whole range
    /// of the (post, status, time) index, 10,000 entries for 200 rows.
    /// </summary>
    private IQueryable<Comment> VisibleWithIds(List<int> ids, string? userId, string? tokenHash) =>
        VisibleAmong(db.Comments.Where(c => ids.Contains(c.Id)), userId, tokenHash, alsoId: null);

    private static IQueryable<Comment> VisibleAmong(IQueryable<Comment> comments, string? userId, string? tokenHash, int? alsoId) =>
        comments.AsNoTracking().Where(VisibleTo.Inline<Func<Comment, bool>>(c => SeenBy(c, userId, tokenHash, alsoId)));

    /// <summary>
    /// Which comments a reader sees: approved ones, their own held ones (by account, or by their cookie's secret), and
    /// <c>alsoId</c> (the comment they have just posted). The one rule, with the reader as parameters, so a compiled
    /// query takes them as parameters too. Queries name it by <see cref="SeenBy"/>.
    /// </summary>
    private static readonly QueryRule<Func<Comment, string?, string?, int?, bool>> VisibleTo = new(SeenBy,
        CommentOwnership.Expand<Func<Comment, string?, string?, int?, bool>>((c, userId, tokenHash, alsoId) =>
            c.Status == CommentStatus.Approved || c.Id == alsoId
            || (c.Status == CommentStatus.Pending && CommentOwnership.IsOwnedBy(c, userId, tokenHash))));

    /// <summary>Stands for <see cref="VisibleTo"/> in a query; never called.</summary>
    private static bool SeenBy(Comment comment, string? userId, string? tokenHash, int? alsoId) => throw QueryRule.StandInCalled("the visibility rule");

    /// <summary>The signed-in reader's name for the comment form when the session check did not read it (<see cref="SignedInPerson"/>): compiled (decision 0061).</summary>
    private static readonly CompiledQuery<Func<JournalsDbContext, string, CancellationToken, Task<string?>>> DisplayNameQuery = new(() =>
        EF.CompileAsyncQuery((JournalsDbContext db, string userId, CancellationToken ct) =>
            db.Users.Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).FirstOrDefault()));

    /// <summary>
    /// The visible thread roots of a post before a root in time (<see cref="PageOfAsync"/>): compiled, since every comment
    /// POST asks it. A root is a comment with no parent, a self-reply, or one whose parent the reader does not see.
    /// </summary>
    private static readonly CompiledQuery<Func<JournalsDbContext, int, string?, string?, int?, DateTime, int, CancellationToken, Task<int>>> RootsBeforeQuery = new(() =>
        EF.CompileAsyncQuery(VisibleTo.Inline<Func<JournalsDbContext, int, string?, string?, int?, DateTime, int, CancellationToken, int>>(
            (db, postId, userId, tokenHash, alsoId, rootAt, rootId, ct) =>
                db.Comments.Where(c => c.PostId == postId && SeenBy(c, userId, tokenHash, alsoId))
                    .Where(c => c.ParentId == null || c.ParentId == c.Id
                        || !db.Comments.Any(parent => parent.PostId == postId && SeenBy(parent, userId, tokenHash, alsoId) && parent.Id == c.ParentId))
                    .Count(c => c.CreatedAt < rootAt || (c.CreatedAt == rootAt && c.Id < rootId)))));

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
