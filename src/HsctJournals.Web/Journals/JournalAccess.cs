using System.Linq.Expressions;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace HsctJournals.Web.Journals;

/// <summary>
/// The one access rule (design invariant 1). Every read path — pages, archives, search, feeds,
/// sitemap, API, exports and counts — starts from one of these queries, so a journal or post
/// a reader may not see is simply absent, exactly like one that does not exist.
/// </summary>
/// <remarks>
/// Site admins are not readers by virtue of the role: health data in a Private journal stays
/// between the patient and the people they chose (docs/decisions/0004-admins-do-not-read-private-journals.md).
/// </remarks>
public sealed class JournalAccess(JournalsDbContext db, TimeProvider clock)
{
    /// <summary>Journals the reader may open.</summary>
    public IQueryable<Journal> ReadableJournals(Reader reader) =>
        db.Journals.Where(CanRead(reader.UserId));

    /// <summary>Journals shown in lists (site home, sitemap, site-wide search): public ones, plus those the reader belongs to.</summary>
    public IQueryable<Journal> ListedJournals(Reader reader)
    {
        var userId = reader.UserId;
        return db.Journals.Where(j => (j.Visibility == JournalVisibility.Public && !j.AwaitingListing)
            || (userId != null && j.Members.Any(m => m.UserId == userId
                && (j.Visibility != JournalVisibility.Private || m.Role >= JournalRoles.LeastToModerate))));
    }

    /// <summary>Published posts (and scheduled posts that are due) in journals the reader may read.</summary>
    public IQueryable<Post> LivePosts(Reader reader)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return PostsOfReadableJournals(reader).Where(Post.LiveAt(now));
    }

    /// <summary>Posts the reader may open: live ones, and every post of a journal they write for.</summary>
    public IQueryable<Post> ReadablePosts(Reader reader)
    {
        var live = Post.LiveAt(clock.GetUtcNow().UtcDateTime);
        var userId = reader.UserId;
        if (userId is null) return PostsOfReadableJournals(reader).Where(live);
        Expression<Func<Post, bool>> writer = p => p.Journal.Members.Any(m => m.UserId == userId && m.Role >= JournalRoles.LeastToWrite);
        // live OR writer, as one predicate built from Post.LiveAt (the one "is live" rule).
        var either = Expression.OrElse(live.Body, ReplacingExpressionVisitor.Replace(writer.Parameters[0], live.Parameters[0], writer.Body));
        return PostsOfReadableJournals(reader).Where(Expression.Lambda<Func<Post, bool>>(either, live.Parameters[0]));
    }

    /// <summary>
    /// The live posts of the request's journal. <paramref name="here"/> holds only a journal the access rule resolved
    /// for its reader (<see cref="JournalContext.ResolveAsync"/>), so the rule is not asked again in SQL: the same
    /// posts as <see cref="LivePosts"/> of that journal, in a shorter statement.
    /// </summary>
    public IQueryable<Post> LivePostsOf(JournalContext here)
    {
        var journalId = here.Journal.Id;
        return db.Posts.Where(p => p.JournalId == journalId).Where(Post.LiveAt(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// The posts of the request's journal its reader may open (<see cref="ReadablePosts"/>, with the role the context
    /// already read deciding "writes for it"): every post for a writer, live ones for everyone else.
    /// </summary>
    public IQueryable<Post> ReadablePostsOf(JournalContext here)
    {
        if (!OpensEveryPost(here)) return LivePostsOf(here);
        var journalId = here.Journal.Id;
        return db.Posts.Where(p => p.JournalId == journalId);
    }

    /// <summary>
    /// Whether the request's reader opens every post of its journal, drafts and scheduled ones too (they write for it),
    /// or only live ones: the role the context already read, the same rule as <see cref="ReadablePosts"/> asks in SQL.
    /// </summary>
    private static bool OpensEveryPost(JournalContext here) => here.CanWrite;

    /// <summary>
    /// A post of the request's journal its reader may open (every post for a writer, live ones for everyone else, as
    /// <see cref="ReadablePostsOf"/>), by slug, with only its id, journal, slug, status, publication time and whether it
    /// takes comments: what the comment rules read. Compiled, since every comment POST starts with it.
    /// </summary>
    public Task<Post?> FindPostForCommentsAsync(JournalContext here, string slug, CancellationToken ct) =>
        FindReadablePostAsync(here, slug, PostForComments, ct);

    private static readonly ReadablePostQuery<Post> PostForComments = new(p => new Post
    {
        Id = p.Id, JournalId = p.JournalId, Slug = p.Slug, Status = p.Status, PublishedAt = p.PublishedAt, CommentsOpen = p.CommentsOpen,
        Title = "", Markdown = "", Html = "", PlainText = "", Excerpt = "", AuthorId = "",
    });

    /// <summary>
    /// A post of the request's journal its reader may open (<see cref="ReadablePostsOf"/>), by slug, as
    /// <paramref name="query"/> projects it: one compiled statement (decision 0061), no LINQ translated per request.
    /// </summary>
    public Task<T?> FindReadablePostAsync<T>(JournalContext here, string slug, ReadablePostQuery<T> query, CancellationToken ct) where T : class =>
        OpensEveryPost(here)
            ? query.AnyPost.For(db)(db, here.Journal.Id, slug, ct)
            : query.LivePost.For(db)(db, here.Journal.Id, slug, clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>A readable journal by slug, or null (which callers answer with 404). Pages and endpoints use <see cref="JournalContext"/> instead.</summary>
    public Task<Journal?> FindReadableAsync(string slug, Reader reader, CancellationToken ct = default) =>
        ReadableJournals(reader).AsNoTracking().FirstOrDefaultAsync(j => j.Slug == slug, ct);

    private IQueryable<Post> PostsOfReadableJournals(Reader reader)
    {
        var journalIds = ReadableJournals(reader).Select(j => j.Id);
        return db.Posts.Where(p => journalIds.Contains(p.JournalId));
    }

    /// <summary>
    /// The journal a request is about, with the reader's role in it, if the reader may read it: one statement, translated
    /// once (<see cref="CompiledQuery{TQuery}"/>), since every journal page and endpoint starts with it (JournalContext).
    /// </summary>
    /// <param name="tracked">Whether the journal is tracked, for a request that may change it; a request that only reads
    /// (GET, HEAD) is spared EF's change tracking, which was 3 % of a signed-in post page.</param>
    public async Task<(Journal Journal, JournalRole? Role)?> FindWithRoleAsync(string slug, Reader reader, bool tracked, CancellationToken ct)
    {
        var found = await (tracked ? FindWithRoleTracked : FindWithRoleUntracked).For(db)(db, slug, reader.UserId, ct);
        return found is null ? null : (found.Journal, found.Role);
    }

    private sealed record JournalWithRole(Journal Journal, JournalRole? Role);

    /// <summary>
    /// Who may read a journal: the one rule, with the reader's account id (null for an anonymous reader) as its second
    /// parameter, so a compiled query can take it as a parameter too. Queries name it by <see cref="Readable"/>.
    /// </summary>
    private static readonly QueryRule<Func<Journal, string?, bool>> ReadRule = new(Readable, (j, userId) =>
        j.Visibility == JournalVisibility.Public
        || j.Visibility == JournalVisibility.Unlisted
        || (userId != null && j.Members.Any(m => m.UserId == userId
            && (j.Visibility == JournalVisibility.ApprovedReaders || m.Role >= JournalRoles.LeastToModerate))));

    /// <summary>The rule for one reader; their id is captured, so EF still sends it as a parameter.</summary>
    private static Expression<Func<Journal, bool>> CanRead(string? userId) => ReadRule.Inline<Func<Journal, bool>>(j => Readable(j, userId));

    /// <summary>Stands for <see cref="ReadRule"/> in a query; never called.</summary>
    private static bool Readable(Journal journal, string? userId) => throw QueryRule.StandInCalled("the read rule");

    private static readonly CompiledQuery<Func<JournalsDbContext, string, string?, CancellationToken, Task<JournalWithRole?>>> FindWithRoleTracked =
        FindWithRoleQuery(QueryTrackingBehavior.TrackAll);

    private static readonly CompiledQuery<Func<JournalsDbContext, string, string?, CancellationToken, Task<JournalWithRole?>>> FindWithRoleUntracked =
        FindWithRoleQuery(QueryTrackingBehavior.NoTracking);

    private static CompiledQuery<Func<JournalsDbContext, string, string?, CancellationToken, Task<JournalWithRole?>>> FindWithRoleQuery(QueryTrackingBehavior tracking) => new(() =>
        EF.CompileAsyncQuery(ReadRule.Inline<Func<JournalsDbContext, string, string?, CancellationToken, JournalWithRole?>>((db, slug, userId, ct) =>
            db.Journals.AsTracking(tracking).Where(j => j.Slug == slug && Readable(j, userId))
                .Select(j => new JournalWithRole(j, j.Members.Where(m => userId != null && m.UserId == userId).Select(m => (JournalRole?)m.Role).FirstOrDefault()))
                .FirstOrDefault())));
}
