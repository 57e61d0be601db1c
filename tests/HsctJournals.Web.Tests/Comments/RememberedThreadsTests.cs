using HsctJournals.Domain.Comments;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>
/// A reader with nothing of their own under a post is given the approved threads remembered per post and stamp
/// (<see cref="ApprovedThreadViews"/>, decision 0054): every write that changes what they show must reach that reader
/// at once, and a reader with a held or still-editable comment of their own must still see it.
/// </summary>
public abstract class RememberedThreadsTests(AppFactory app)
{
    [Fact]
    public async Task Every_change_to_a_remembered_thread_shows_at_once_to_a_reader_with_a_cookie()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var first = (await app.AddCommentAsync(journal, post, "Ann", CommentKit.NewEmail(), "The first words.")).Comment!;
        var second = (await app.AddCommentAsync(journal, post, "Ben", CommentKit.NewEmail(), "The second words.")).Comment!;
        var third = (await app.AddCommentAsync(journal, post, "Cat", CommentKit.NewEmail(), "The third words.", first.Id)).Comment!;
        // The commenter cookie skips the shared page cache: every request renders, as a signed-in reader's does.
        var reader = app.Visitor();
        reader.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}=a-reader-with-nothing-of-their-own-01");
        var path = CommentKit.PathOf(journal, post);
        Task<string> PageAsync() => reader.GetStringAsync(path);
        Task<long> StampAsync() => app.DbAsync(db => db.Posts.Where(p => p.Id == post.Id).Select(p => p.CommentsStamp).FirstAsync());

        var page = await PageAsync();
        Assert.Contains("The first words.", page);
        Assert.Contains("The third words.", page);
        Assert.Equal(page.Length, (await PageAsync()).Length); // remembered now

        // An edit of an approved comment's text: the post gets a new stamp, the reader the new text.
        var stamp = await StampAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().EditAsync(journal.Id, second.Id, "Words edited by the owner.", default));
        Assert.NotEqual(stamp, stamp = await StampAsync());
        page = await PageAsync();
        Assert.Contains("Words edited by the owner.", page);
        Assert.DoesNotContain("The second words.", page);

        var added = (await app.AddCommentAsync(journal, post, "Dan", CommentKit.NewEmail(), "A newcomer writes here.", third.Id)).Comment!;
        Assert.Contains("A newcomer writes here.", await PageAsync());

        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [first.Id], ModerationAction.Trash, default));
        page = await PageAsync();
        Assert.DoesNotContain("The first words.", page);
        Assert.Contains("The third words.", page); // its reply stays, at the top

        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentStore>().DeleteAsync(added.Id, default));
        Assert.DoesNotContain("A newcomer writes here.", await PageAsync());
    }

    [Fact]
    public async Task A_commenter_still_sees_their_held_and_editable_comments_beside_a_stranger_given_the_remembered_thread()
    {
        const string secret = "remembered-threads-commenter-secret-01";
        var (_, journal, post) = await app.OpenJournalAsync();
        await app.AddCommentAsync(journal, post, "Ann", CommentKit.NewEmail(), "Someone else's words.");
        var path = CommentKit.PathOf(journal, post);
        var stranger = app.Visitor();
        stranger.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}=a-stranger-with-nothing-here-000001");
        Assert.Contains("Someone else", await stranger.GetStringAsync(path)); // the stranger's read remembers the thread

        // A comment of theirs approved a minute ago, written as the form would (with a new stamp): still theirs to edit.
        var hash = SecretTokens.Hash(secret);
        await AddOwnAsync(post, "My fresh words.", CommentStatus.Approved, DateTime.UtcNow.AddMinutes(-1), hash);
        var commenter = app.Visitor();
        commenter.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}={secret}");
        Assert.Contains("Edit or delete", await commenter.GetStringAsync(path));

        // And one held for moderation, shown to them only.
        await AddOwnAsync(post, "My held words.", CommentStatus.Pending, DateTime.UtcNow.AddHours(-2), hash);
        var own = await commenter.GetStringAsync(path);
        Assert.Contains("My held words.", own);
        Assert.Contains("awaiting moderation", own);

        var theirs = await stranger.GetStringAsync(path);
        Assert.Contains("My fresh words.", theirs);
        Assert.DoesNotContain("My held words.", theirs);
        Assert.DoesNotContain("Edit or delete", theirs);

        // Past the edit window and with nothing held, the commenter is given the remembered thread too: no edit link.
        await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id && c.Status == CommentStatus.Pending).ExecuteDeleteAsync());
        await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddHours(-1))));
        await app.DbAsync(db => db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.CommentsStamp, Post.NewCommentsStamp())));
        var later = await commenter.GetStringAsync(path);
        Assert.Contains("My fresh words.", later);
        Assert.DoesNotContain("Edit or delete", later);
        Assert.DoesNotContain("My held words.", later);
    }

    [Fact]
    public async Task A_remembered_page_is_rendered_again_when_one_of_its_relative_times_would_read_differently()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        // Six seconds short of "2 hours ago": the first read remembers the page saying "1 hour ago".
        var written = DateTime.UtcNow.AddHours(-2).AddSeconds(6);
        await AddOwnAsync(post, "Words from a while ago.", CommentStatus.Approved, written, tokenHash: "not-this-readers-0000000000000000");
        var reader = app.Visitor();
        reader.DefaultRequestHeaders.Add("Cookie", $"{CommentCookies.AuthorCookie}=a-reader-watching-the-clock-000001");
        var path = CommentKit.PathOf(journal, post);
        await reader.GetStringAsync(path);

        var wait = written.AddHours(2).AddSeconds(1) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var later = await reader.GetStringAsync(path);
        Assert.Contains("2 hours ago", later);
        Assert.DoesNotContain("1 hour ago", later);
    }

    private Task AddOwnAsync(Post post, string text, CommentStatus status, DateTime at, string tokenHash) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        db.Comments.Add(new Comment { PostId = post.Id, AuthorName = "Me", AuthorEmail = "me@x.test", Text = text, Status = status, CreatedAt = at, AuthorTokenHash = tokenHash });
        await db.SaveChangesAsync();
        await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.CommentsStamp, Post.NewCommentsStamp()));
    });
}

public sealed class RememberedThreadsTestsOnSqlite(CommentsSqliteApp app) : RememberedThreadsTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class RememberedThreadsTestsOnPostgres(CommentsPostgresApp app) : RememberedThreadsTests(app), IClassFixture<CommentsPostgresApp>;
