using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using static HsctJournals.Web.Tests.Notifications.NotificationTestData;

namespace HsctJournals.Web.Tests.Notifications;

/// <summary>Mail about comments, delivered over real SMTP by the background sender.</summary>
public abstract class CommentNotificationTests(NotifyingApp app)
{
    [Fact]
    public async Task Owner_is_told_of_every_comment_held_ones_only_or_none_as_set()
    {
        var every = await JournalWithPostAsync(OwnerNotificationSetting.EveryComment);
        var held = await JournalWithPostAsync(OwnerNotificationSetting.HeldOnly);
        var none = await JournalWithPostAsync(OwnerNotificationSetting.None);
        foreach (var (_, post) in new[] { every, held, none })
        {
            await AddCommentAsync(app, post, "Approved Anna", NewAddress("anna"), CommentStatus.Approved);
            await AddCommentAsync(app, post, "Held Hugo", NewAddress("hugo"), CommentStatus.Pending);
            await AddCommentAsync(app, post, "Spammy Sam", NewAddress("sam"), CommentStatus.Spam);
        }
        await OutboxDrainedAsync(app);

        var toEvery = app.Mail.To(every.Owner.Email!);
        Assert.Equal(2, toEvery.Count);
        var approved = Assert.Single(toEvery, m => (m.Subject ?? "").StartsWith("New comment"));
        Assert.Contains("Approved Anna", Text(approved));
        Assert.Contains("A comment by Approved Anna.", Text(approved));
        Assert.Contains($"http://journals.test/j/{every.Post.Journal.Slug}/posts/", Text(approved));
        Assert.Contains("#comment-", Text(approved));
        Assert.Contains($"http://journals.test/j/{every.Post.Journal.Slug}/comments", Html(approved));
        Assert.Single(toEvery, m => (m.Subject ?? "").StartsWith("Comment awaiting approval"));
        Assert.DoesNotContain(toEvery, m => Text(m).Contains("Spammy Sam"));

        var toHeld = Assert.Single(app.Mail.To(held.Owner.Email!));
        Assert.StartsWith("Comment awaiting approval", toHeld.Subject);
        Assert.Contains("Held Hugo", Text(toHeld));

        Assert.Empty(app.Mail.To(none.Owner.Email!));
        foreach (var m in toEvery.Append(toHeld))
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(m)));
            Assert.False(string.IsNullOrWhiteSpace(Html(m)));
            AssertOnlyOwnAddress(m);
        }
    }

    [Fact]
    public async Task Owner_is_not_told_of_their_own_comment()
    {
        var (owner, post) = await JournalWithPostAsync(OwnerNotificationSetting.EveryComment);
        await AddCommentAsync(app, post, owner.DisplayName, owner.Email!, CommentStatus.Approved, userId: owner.Id);
        await AddCommentAsync(app, post, "Owner without signing in", owner.Email!.ToUpperInvariant(), CommentStatus.Approved);
        await OutboxDrainedAsync(app);
        Assert.Empty(app.Mail.To(owner.Email!));
    }

    [Fact]
    public async Task Reply_is_mailed_to_the_parent_author_only_when_ticked_approved_and_from_someone_else()
    {
        var (_, post) = await JournalWithPostAsync(OwnerNotificationSetting.None);
        var parentAddress = NewAddress("parent");
        var parent = await AddCommentAsync(app, post, "Petra Parent", parentAddress, CommentStatus.Approved, notifyOnReply: true);
        var untickedAddress = NewAddress("unticked");
        var unticked = await AddCommentAsync(app, post, "Uma Unticked", untickedAddress, CommentStatus.Approved, notifyOnReply: false);

        var replierAddress = NewAddress("replier");
        var reply = await AddCommentAsync(app, post, "Rita Replier", replierAddress, CommentStatus.Approved, parent);
        await AddCommentAsync(app, post, "Petra again", parentAddress.ToUpperInvariant(), CommentStatus.Approved, parent); // own reply
        await AddCommentAsync(app, post, "Held Harry", NewAddress("harry"), CommentStatus.Pending, parent, toParent: false);
        await AddCommentAsync(app, post, "Spam Steve", NewAddress("steve"), CommentStatus.Spam, parent, toParent: false);
        await AddCommentAsync(app, post, "Rita Replier", replierAddress, CommentStatus.Approved, unticked);
        await OutboxDrainedAsync(app);

        var mail = Assert.Single(app.Mail.To(parentAddress));
        Assert.Equal($"Rita Replier replied to your comment on “{post.Title}”", mail.Subject);
        Assert.Contains($"#comment-{reply.Id}", Text(mail));
        Assert.Contains("A comment by Rita Replier.", Html(mail));
        Assert.DoesNotContain(replierAddress, Text(mail) + Html(mail));
        AssertWellFormedForReader(mail);
        Assert.Empty(app.Mail.To(untickedAddress));
        Assert.Empty(app.Mail.To(replierAddress));

        // The one-click unsubscribe (RFC 8058) stops further replies for that comment.
        var client = app.AnonymousClient();
        var response = await client.PostAsync(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await AddCommentAsync(app, post, "Another Replier", NewAddress("another"), CommentStatus.Approved, parent);
        await OutboxDrainedAsync(app);
        Assert.Single(app.Mail.To(parentAddress));
    }

    [Fact]
    public async Task Reply_is_not_mailed_to_a_commenter_who_can_no_longer_read_the_journal()
    {
        var (_, post) = await JournalWithPostAsync(OwnerNotificationSetting.None);
        var parentAddress = NewAddress("closed");
        var parent = await AddCommentAsync(app, post, "Olga Outsider", parentAddress, CommentStatus.Approved, notifyOnReply: true);
        await SetJournalAsync(app, post.Journal ?? throw new InvalidOperationException(), j => j.Visibility = JournalVisibility.Private);
        await AddCommentAsync(app, post, "Owner Friend", NewAddress("friend"), CommentStatus.Approved, parent);
        await OutboxDrainedAsync(app);
        Assert.Empty(app.Mail.To(parentAddress));
    }

    private async Task<(Web.Shared.AppUser Owner, Post Post)> JournalWithPostAsync(OwnerNotificationSetting setting)
    {
        var owner = await app.CreateUserAsync("Owner Olivia");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await SetJournalAsync(app, journal, j => j.Comments.OwnerNotification = setting);
        var post = await app.CreatePostAsync(journal, owner, $"Day {Random.Shared.Next(1, 99)} in hospital");
        post.Journal = journal;
        return (owner, post);
    }
}

public sealed class CommentNotificationTestsOnSqlite(NotifyingSqliteApp app) : CommentNotificationTests(app), IClassFixture<NotifyingSqliteApp>;
public sealed class CommentNotificationTestsOnPostgres(NotifyingPostgresApp app) : CommentNotificationTests(app), IClassFixture<NotifyingPostgresApp>;
