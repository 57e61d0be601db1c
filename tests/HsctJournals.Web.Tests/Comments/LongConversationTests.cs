using HsctJournals.Domain.Comments;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>
/// A post above <see cref="CommentThreads.ShapeFirstAbove"/> comments: its thread's shape is remembered per post and
/// <see cref="Post.CommentsStamp"/> (decision 0052), so every kind of write must give the post a new stamp and show
/// at once, on the page (read past the shared page cache) and in the API.
/// </summary>
public abstract class LongConversationTests(AppFactory app)
{
    private const string Secret = "long-conversation-commenter-secret-0001";

    [Fact]
    public async Task Every_write_to_a_long_conversation_shows_at_once_on_the_page_and_in_the_api()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var ids = await SeedAsync(post);
        var path = CommentKit.PathOf(journal, post);
        // The commenter cookie skips the shared page cache: every request renders, as a signed-in reader's does.
        var reader = app.Visitor();
        reader.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}=an-other-commenter-secret-0002");
        async Task<string> PageTwoAsync() => await reader.GetStringAsync(path + "?cpage=2");
        async Task<string> ApiPageTwoAsync() =>
            await (await app.ApiClient().GetAsync($"/api/v1/journals/{journal.Slug}/posts/{post.Slug}/comments?page=2")).Content.ReadAsStringAsync();
        Task<long> StampAsync() => app.DbAsync(db => db.Posts.Where(p => p.Id == post.Id).Select(p => p.CommentsStamp).FirstAsync());

        var before = await PageTwoAsync();
        Assert.Contains("Thread number 59.", before);
        Assert.DoesNotContain("Held under 58.", before);
        Assert.Contains("Thread number 59.", await ApiPageTwoAsync());

        // A new approved thread: the last page (pages are cut oldest first).
        var stamp = await StampAsync();
        var added = (await app.AddCommentAsync(journal, post, "Newcomer", CommentKit.NewEmail(), "Thread number 60.")).Comment!;
        Assert.NotEqual(stamp, stamp = await StampAsync());
        Assert.Contains("Thread number 60.", await PageTwoAsync());
        Assert.Contains("Thread number 60.", await ApiPageTwoAsync());

        // A reply deep in an old thread on that page.
        await app.AddCommentAsync(journal, post, "Replier", CommentKit.NewEmail(), "A late reply to 55.", ids.Roots[55]);
        Assert.NotEqual(stamp, stamp = await StampAsync());
        Assert.Contains("A late reply to 55.", await PageTwoAsync());
        Assert.Contains("A late reply to 55.", await ApiPageTwoAsync());

        // Moderation: a held comment approved, an approved one trashed.
        await ModerateAsync(journal, ids.Held[58], ModerationAction.Approve);
        Assert.NotEqual(stamp, stamp = await StampAsync());
        Assert.Contains("Held under 58.", await PageTwoAsync());
        Assert.Contains("Held under 58.", await ApiPageTwoAsync());
        await ModerateAsync(journal, ids.Replies[57], ModerationAction.Trash);
        Assert.NotEqual(stamp, stamp = await StampAsync());
        // Its own reply ("Thanks, 57.") becomes an orphan at the top level: still shown, without "in reply to".
        Assert.DoesNotContain("Reply to 57.", await PageTwoAsync());
        Assert.DoesNotContain("Reply to 57.", await ApiPageTwoAsync());

        // Deleting a held comment moves its replies up: a new stamp although no approved comment went.
        await ModerateAsync(journal, ids.Held[56], ModerationAction.Delete);
        Assert.NotEqual(stamp, stamp = await StampAsync());

        // A comment held on arrival changes nothing anyone else sees: same stamp.
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Always);
        await app.AddCommentAsync(journal, post, "Waiting", CommentKit.NewEmail(), "Held on arrival.");
        Assert.Equal(stamp, await StampAsync());
        Assert.DoesNotContain("Held on arrival.", await PageTwoAsync());

        // An account's comments erased (account deletion): the newcomer's thread goes.
        await app.WithScopeAsync(sp => CommentEraser.EraseAsync(sp.GetRequiredService<JournalsDbContext>(), c => c.Id == added.Id, removeText: true, default));
        Assert.NotEqual(stamp, await StampAsync());
        Assert.DoesNotContain("Thread number 60.", await PageTwoAsync());
        Assert.DoesNotContain("Thread number 60.", await ApiPageTwoAsync());
    }

    [Fact]
    public async Task A_commenter_sees_their_own_held_comments_in_a_long_conversation_and_nobody_else_does()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        await SeedAsync(post);
        var path = CommentKit.PathOf(journal, post) + "?cpage=2";
        var author = app.Visitor();
        author.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}={Secret}");
        var stranger = app.Visitor();
        stranger.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}=an-other-commenter-secret-0003");

        // Read by the stranger first, so the approved shape is remembered before the author asks.
        var seenByStranger = await stranger.GetStringAsync(path);
        var seenByAuthor = await author.GetStringAsync(path);

        Assert.DoesNotContain("Held under 55.", seenByStranger);
        Assert.Contains("Held under 55.", seenByAuthor);
        Assert.Contains("Thread number 55.", seenByStranger);
        Assert.DoesNotContain("Held under", await app.AnonymousClient().GetStringAsync(path));
    }

    private Task ModerateAsync(Journal journal, int commentId, ModerationAction action) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [commentId], action, default));

    /// <summary>
    /// Sixty threads (a comment, a reply, a reply to that, and a held reply whose author is this test's commenter
    /// cookie) and a crowd of replies in the first, written directly: more approved comments than the threshold.
    /// </summary>
    private async Task<(int[] Roots, int[] Replies, int[] Held)> SeedAsync(Post post)
    {
        var (roots, replies, held) = (new int[60], new int[60], new int[60]);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var start = DateTime.UtcNow.AddHours(-3);
            for (var i = 0; i < 60; i++)
            {
                var root = new Comment { PostId = post.Id, AuthorName = $"Writer {i:00}", AuthorEmail = $"w{i}@x.test", Text = $"Thread number {i:00}.", Status = CommentStatus.Approved, CreatedAt = start.AddMinutes(i) };
                db.Comments.Add(root);
                await db.SaveChangesAsync();
                var reply = new Comment { PostId = post.Id, ParentId = root.Id, Depth = 2, AuthorName = "Answer", AuthorEmail = "a@x.test", Text = $"Reply to {i:00}.", Status = CommentStatus.Approved, CreatedAt = start.AddMinutes(i).AddSeconds(20) };
                db.Comments.Add(reply);
                await db.SaveChangesAsync();
                db.Comments.Add(new Comment { PostId = post.Id, ParentId = reply.Id, Depth = 3, AuthorName = "Writer", AuthorEmail = $"w{i}@x.test", Text = $"Thanks, {i:00}.", Status = CommentStatus.Approved, CreatedAt = start.AddMinutes(i).AddSeconds(40) });
                var waiting = new Comment { PostId = post.Id, ParentId = root.Id, Depth = 2, AuthorName = "Held", AuthorEmail = "h@x.test", Text = $"Held under {i:00}.", Status = CommentStatus.Pending, CreatedAt = start.AddMinutes(i).AddSeconds(50), AuthorTokenHash = SecretTokens.Hash(Secret) };
                db.Comments.Add(waiting);
                await db.SaveChangesAsync();
                (roots[i], replies[i], held[i]) = (root.Id, reply.Id, waiting.Id);
            }
            // Enough approved comments, as replies in the first thread (page 1), that the post is long in earnest: the count
            // stays above the threshold whatever the test removes.
            for (var i = 0; i < CommentThreads.ShapeFirstAbove - 150; i++)
                db.Comments.Add(new Comment { PostId = post.Id, ParentId = roots[0], Depth = 2, AuthorName = "Crowd", AuthorEmail = "c@x.test", Text = $"Cheering {i}.", Status = CommentStatus.Approved, CreatedAt = start.AddSeconds(30 + i % 20) });
            await db.SaveChangesAsync();
            await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(set => set.SetProperty(
                p => p.CommentCount, p => db.Comments.Count(c => c.PostId == p.Id && c.Status == CommentStatus.Approved)));
        });
        return (roots, replies, held);
    }
}

public sealed class LongConversationTestsOnSqlite(CommentsSqliteApp app) : LongConversationTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class LongConversationTestsOnPostgres(CommentsPostgresApp app) : LongConversationTests(app), IClassFixture<CommentsPostgresApp>;
