using HsctJournals.Domain.Comments;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>
/// The page a comment is on after posting (<see cref="CommentThreads.PageOfAsync"/>) is found from the comment's thread
/// and a count of earlier threads; it must agree with the threads the builder makes from every visible comment
/// (<see cref="CommentThreadBuilder"/>, <see cref="CommentPagination.PageOf{TPayload}"/>), for every comment of a post
/// with orphans, held comments, a self-reply, equal times and three pages, for a stranger and for a commenter with
/// held comments of their own, oldest and newest first.
/// </summary>
public abstract class CommentPageOfTests(AppFactory app)
{
    private const string Secret = "page-of-commenter-secret-000000001";

    [Fact]
    public async Task Every_comment_is_on_the_page_the_threads_built_from_every_row_put_it()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var comments = await SeedAsync(post);
        Assert.True(comments.Count(c => c.ParentId is null && c.Status == CommentStatus.Approved) > 2 * CommentThreads.PageSize);

        foreach (var (newestFirst, depth) in new[] { (false, 5), (true, 2) })
        {
            await app.SetPolicyAsync(journal, s => { s.NewestFirst = newestFirst; s.ThreadDepth = depth; });
            foreach (var secret in new[] { null, Secret })
            {
                var mismatches = await app.WithScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<JournalsDbContext>();
                    var current = await db.Journals.AsNoTracking().FirstAsync(j => j.Id == journal.Id);
                    var here = JournalContext.For(sp.GetRequiredService<JournalAccess>(), current, Reader.Anonymous, role: null);
                    var http = new DefaultHttpContext();
                    if (secret is not null) http.Request.Headers.Cookie = $"{CommentCookies.AuthorCookie}={secret}";
                    var threads = sp.GetRequiredService<CommentThreads>();
                    var wrong = new List<string>();
                    foreach (var comment in comments)
                    {
                        var expected = Expected(comments, comment.Id, secret, newestFirst, depth);
                        var actual = await threads.PageOfAsync(here, comment, http.Request, default);
                        if (actual != expected) wrong.Add($"comment {comment.Id}: page {actual}, expected {expected}");
                    }
                    return wrong;
                });
                Assert.True(mismatches.Count == 0, $"newest first {newestFirst}, commenter {secret is not null}: " + string.Join("; ", mismatches.Take(10)));
            }
        }
    }

    /// <summary>The builder's page from every comment the reader sees, plus the one just posted (as after a POST).</summary>
    private static int Expected(IReadOnlyList<Comment> all, int commentId, string? secret, bool newestFirst, int depth)
    {
        var hash = secret is null ? null : SecretTokens.Hash(secret);
        var visible = all.Where(c => c.Status == CommentStatus.Approved || c.Id == commentId
            || (c.Status == CommentStatus.Pending && hash is not null && c.AuthorTokenHash == hash));
        var forest = CommentThreadBuilder.Build(
            visible.Select(c => new CommentSource<int>(c.Id, c.ParentId, new DateTimeOffset(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc)), "", c.Id)),
            newestFirst ? CommentOrder.NewestFirst : CommentOrder.OldestFirst, depth);
        return CommentPagination.PageOf(forest, commentId, CommentThreads.PageSize)!.Value;
    }

    /// <summary>
    /// 240 comments from a fixed seed: about half start a thread, the rest answer an earlier comment; most approved, some
    /// held (a tenth of them this test's commenter's), some spam or trash, so their replies are orphans to a stranger;
    /// times on a coarse grid so many are equal; and one comment answering itself.
    /// </summary>
    private Task<List<Comment>> SeedAsync(Post post) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var random = new Random(20261127);
        var start = new DateTime(DateTime.UtcNow.AddDays(-2).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var written = new List<Comment>();
        for (var i = 0; i < 240; i++)
        {
            var roll = random.Next(100);
            var status = roll < 72 ? CommentStatus.Approved : roll < 90 ? CommentStatus.Pending : roll < 95 ? CommentStatus.Spam : CommentStatus.Trash;
            var parent = written.Count > 0 && random.Next(100) < 48 ? written[random.Next(written.Count)] : null;
            var comment = new Comment
            {
                PostId = post.Id, ParentId = parent?.Id, Depth = parent is null ? 1 : Math.Min(parent.Depth + 1, 10),
                AuthorName = $"Reader {i}", AuthorEmail = $"r{i}@x.test", Text = $"Comment {i}.", Status = status,
                // A coarse grid of minutes, not in id order: equal times are broken by id, and a reply can be older than its parent.
                CreatedAt = start.AddMinutes(random.Next(0, 160)),
                AuthorTokenHash = status == CommentStatus.Pending && random.Next(3) == 0 ? SecretTokens.Hash(Secret) : null,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            written.Add(comment);
        }
        var selfReply = written.First(c => c.Status == CommentStatus.Approved && c.ParentId is null);
        selfReply.ParentId = selfReply.Id;
        await db.SaveChangesAsync();
        return written;
    });
}

public sealed class CommentPageOfTestsOnSqlite(CommentsSqliteApp app) : CommentPageOfTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class CommentPageOfTestsOnPostgres(CommentsPostgresApp app) : CommentPageOfTests(app), IClassFixture<CommentsPostgresApp>;
