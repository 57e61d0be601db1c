using HsctJournals.Domain.Comments;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
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

        // The stranger's pages are remembered apart (per post, stamp and page): page 1 after page 2 is page 1.
        var pageOne = await stranger.GetStringAsync(CommentKit.PathOf(journal, post) + "?cpage=1");
        Assert.Contains("Thread number 01.", pageOne);
        Assert.DoesNotContain("Thread number 55.", pageOne);
        Assert.Contains("Thread number 55.", await stranger.GetStringAsync(path));
    }

    [Fact]
    public async Task A_comment_unapproved_after_its_shape_was_remembered_is_shown_once_to_its_author()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var ids = await SeedAsync(post);
        var path = CommentKit.PathOf(journal, post) + "?cpage=2";
        var stranger = app.Visitor();
        stranger.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}=an-other-commenter-secret-0004");
        Assert.Contains("Thread number 57.", await stranger.GetStringAsync(path));

        // The author's approved comment goes back to held without a new stamp: what a request sees when a moderator's
        // change lands between its read of the post and its read of the author's held comments.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            await db.Comments.Where(c => c.Id == ids.Roots[57]).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Status, CommentStatus.Pending).SetProperty(c => c.AuthorTokenHash, Web.Shared.SecretTokens.Hash(Secret)));
        });
        var author = app.Visitor();
        author.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}={Secret}");
        var response = await author.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Thread number 57\\."));
    }

    private Task ModerateAsync(Journal journal, int commentId, ModerationAction action) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [commentId], action, default));

    /// <summary>
    /// Sixty threads and a crowd of replies in the first (<see cref="CommentKit.SeedConversationAsync"/>): more approved
    /// comments than the threshold, whatever the test removes; the post's count taken from the rows.
    /// </summary>
    private async Task<SeededConversation> SeedAsync(Post post)
    {
        var seeded = await app.SeedConversationAsync(post, Secret, crowd: CommentThreads.ShapeFirstAbove - 150);
        await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            return db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(set => set.SetProperty(
                p => p.CommentCount, p => db.Comments.Count(c => c.PostId == p.Id && c.Status == CommentStatus.Approved)));
        });
        return seeded;
    }
}

public sealed class LongConversationTestsOnSqlite(CommentsSqliteApp app) : LongConversationTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class LongConversationTestsOnPostgres(CommentsPostgresApp app) : LongConversationTests(app), IClassFixture<CommentsPostgresApp>;
