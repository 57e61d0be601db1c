using HsctJournals.Domain.Comments;
using System.Net;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>The moderation queue, its actions and the settings page; and the one-transaction invariant.</summary>
public abstract class CommentModerationTests(AppFactory app)
{
    [Fact]
    public async Task The_queue_is_for_owners_co_authors_and_moderators_only_and_is_the_only_place_with_addresses()
    {
        var (owner, journal, post) = await app.OpenJournalAsync(hold: HoldRule.Always);
        var email = CommentKit.NewEmail("queued");
        await app.AddCommentAsync(journal, post, "Quinn", email, "Please approve me");
        var moderator = await app.CreateUserAsync("Mo Derator");
        var coAuthor = await app.CreateUserAsync("Co Author");
        var reader = await app.CreateUserAsync("Red Reader");
        await app.AddMemberAsync(journal, moderator, JournalRole.Moderator);
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        var path = $"/j/{journal.Slug}/comments";

        foreach (var allowed in new[] { owner, moderator, coAuthor })
        {
            var html = await (await app.SignedInVisitorAsync(allowed)).GetStringAsync(path);
            Assert.Contains(email, html);
            Assert.Contains("Pending (1)", html);
            Assert.Contains("Comments (1 pending)", html);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInVisitorAsync(reader)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInVisitorAsync(await app.CreateUserAsync())).GetAsync(path)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.Visitor().GetAsync(path)).StatusCode);
        Assert.DoesNotContain("pending)", await (await app.SignedInVisitorAsync(reader)).GetStringAsync(CommentKit.PathOf(journal, post)));
    }

    [Fact]
    public async Task Approving_from_the_queue_shows_the_comment_counts_it_and_queues_the_reply_notice()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var parent = (await app.AddCommentAsync(journal, post, "Par Ent", CommentKit.NewEmail(), "Top")).Comment!;
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Always);
        var reply = (await app.AddCommentAsync(journal, post, "Rep Ly", CommentKit.NewEmail(), "Held reply", parent.Id)).Comment!;
        Assert.Equal(1, await app.CountOfAsync(post));
        var client = await app.SignedInVisitorAsync(owner);

        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/comments");
        var response = await form.PostAsync(client, new() { ["single"] = $"Approve:{reply.Id}" }, $"/j/{journal.Slug}/comments?status=pending");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("1 comment approved", await client.GetStringAsync(response.Headers.Location!.OriginalString));

        Assert.Equal(2, await app.CountOfAsync(post));
        Assert.Contains("Held reply", await app.Visitor().GetStringAsync(CommentKit.PathOf(journal, post)));
        var payload = $"{{\"CommentId\":{reply.Id}}}";
        var types = await app.DbAsync(db => db.OutboxMessages.Where(m => m.Payload == payload).Select(m => m.Type).OrderBy(t => t).ToListAsync());
        Assert.Equal([Outbox.CommentToOwner, Outbox.ReplyToCommenter], types);
    }

    [Fact]
    public async Task Every_action_moves_the_count_and_bulk_actions_apply_to_all_ticked()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await app.AddCommentAsync(journal, post, $"Bulk {i}", CommentKit.NewEmail(), $"Bulk text {i}")).Comment!.Id);
        var client = await app.SignedInVisitorAsync(owner);
        var queue = $"/j/{journal.Slug}/comments";

        async Task Act(string status, IEnumerable<KeyValuePair<string, string>> fields)
        {
            var form = await Forms.GetAsync(client, $"{queue}?status={status}");
            var all = fields.Append(new("__RequestVerificationToken", form.Token!));
            var response = await client.PostAsync($"{queue}?status={status}", new FormUrlEncodedContent(all));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await Act("approved", [new("bulk", "Spam"), new("ids", ids[0].ToString()), new("ids", ids[1].ToString())]);
        Assert.Equal(1, await app.CountOfAsync(post));
        await Act("spam", [new("single", $"Restore:{ids[0]}")]);
        Assert.Equal(1, await app.CountOfAsync(post));
        await Act("pending", [new("single", $"Approve:{ids[0]}")]);
        Assert.Equal(2, await app.CountOfAsync(post));
        await Act("approved", [new("single", $"Unapprove:{ids[0]}")]);
        Assert.Equal(1, await app.CountOfAsync(post));
        await Act("approved", [new("single", $"Trash:{ids[2]}")]);
        Assert.Equal(0, await app.CountOfAsync(post));
        await Act("trash", [new("single", $"Delete:{ids[2]}")]);
        Assert.False(await app.DbAsync(db => db.Comments.AnyAsync(c => c.Id == ids[2])));
        var statuses = await app.DbAsync(db => db.Comments.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Status).ToListAsync());
        Assert.Equal([CommentStatus.Pending, CommentStatus.Spam], statuses);

        var html = await client.GetStringAsync($"{queue}?status=spam&q=BULK%20TEXT%201");
        Assert.Contains("Bulk text 1", html);
        Assert.Contains("Spam (1)", html);
        Assert.DoesNotContain("Bulk text 0", await client.GetStringAsync($"{queue}?status=spam&q=nothing-like-this"));
    }

    [Fact]
    public async Task Deleting_a_parent_for_ever_keeps_its_replies()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var top = (await app.AddCommentAsync(journal, post, "Top", CommentKit.NewEmail(), "Top text")).Comment!;
        var mid = (await app.AddCommentAsync(journal, post, "Mid", CommentKit.NewEmail(), "Mid text", top.Id)).Comment!;
        var low = (await app.AddCommentAsync(journal, post, "Low", CommentKit.NewEmail(), "Low text", mid.Id)).Comment!;
        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [mid.Id], ModerationAction.Delete, default));
        Assert.Equal(top.Id, await app.DbAsync(db => db.Comments.Where(c => c.Id == low.Id).Select(c => c.ParentId).SingleAsync()));
        Assert.Equal(2, await app.CountOfAsync(post));
        _ = owner;
    }

    [Fact]
    public async Task Moderators_edit_text_and_reply_from_the_queue_which_approves_a_held_parent()
    {
        var (_, journal, post) = await app.OpenJournalAsync(hold: HoldRule.Always);
        var held = (await app.AddCommentAsync(journal, post, "Hel D", CommentKit.NewEmail(), "Held question?")).Comment!;
        var moderator = await app.CreateUserAsync("Mona Mod");
        await app.AddMemberAsync(journal, moderator, JournalRole.Moderator);
        var client = await app.SignedInVisitorAsync(moderator);
        var page = $"/j/{journal.Slug}/comments/{held.Id}";

        var form = await Forms.GetAsync(client, page);
        var edited = await form.PostAsync(client, new() { ["Text"] = "Held question, tidied?" }, page + "?handler=Edit");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var empty = await form.PostAsync(client, new() { ["Text"] = "   " }, page + "?handler=Edit");
        Assert.Contains("Please write a comment.", await empty.Content.ReadAsStringAsync());

        var replied = await form.PostAsync(client, new() { ["Reply"] = "Here is the answer." }, page + "?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var rows = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).OrderBy(c => c.Id)
            .Select(c => new { c.Text, c.Status, c.ParentId, c.AuthorName }).ToListAsync());
        Assert.Equal(("Held question, tidied?", CommentStatus.Approved), (rows[0].Text, rows[0].Status));
        Assert.Equal(("Here is the answer.", CommentStatus.Approved, held.Id, "Mona Mod"), (rows[1].Text, rows[1].Status, rows[1].ParentId!.Value, rows[1].AuthorName));
        Assert.Equal(2, await app.CountOfAsync(post));
    }

    [Fact]
    public async Task The_owner_saves_every_comment_setting_and_others_cannot_see_the_page()
    {
        var (owner, journal, _) = await app.OpenJournalAsync();
        var client = await app.SignedInVisitorAsync(owner);
        var path = $"/j/{journal.Slug}/settings/comments";
        var form = await Forms.GetAsync(client, path);
        var response = await form.PostAsync(client, new()
        {
            ["Input.WhoMayComment"] = "ApprovedReaders", ["Input.Hold"] = "Always", ["Input.MaxLinksBeforeHold"] = "4",
            ["Input.HeldWords"] = "cure\r\n\r\n  miracle  ", ["Input.BlockedWords"] = "casino", ["Input.CloseAfterDays"] = "14",
            ["Input.ThreadDepth"] = "3", ["Input.NewestFirst"] = "true", ["Input.OwnerNotification"] = "HeldOnly",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.DbAsync(db => db.Journals.AsNoTracking().Where(j => j.Id == journal.Id).Select(j => j.Comments).SingleAsync());
        Assert.Equal((CommentPermission.ApprovedReaders, HoldRule.Always, 4, "cure\nmiracle", "casino", (int?)14, 3, true, OwnerNotificationSetting.HeldOnly),
            (saved.WhoMayComment, saved.Hold, saved.MaxLinksBeforeHold, saved.HeldWords, saved.BlockedWords, saved.CloseAfterDays, saved.ThreadDepth, saved.NewestFirst, saved.OwnerNotification));

        var bad = await form.PostAsync(client, new() { ["Input.ThreadDepth"] = "99", ["Input.MaxLinksBeforeHold"] = "lots", ["Input.HeldWords"] = "keep me" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Use a depth from 1 to 10", html);
        Assert.Contains("Please enter a whole number", html);
        Assert.Contains("keep me</textarea>", html);

        var moderator = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, moderator, JournalRole.Moderator);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInVisitorAsync(moderator)).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_comment_its_outbox_row_and_the_count_are_saved_together_or_not_at_all()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var parent = (await app.AddCommentAsync(journal, post, "Par", CommentKit.NewEmail(), "Parent")).Comment!;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using var fault = OutboxFault.ArmFor("This save fails");
            await app.AddCommentAsync(journal, post, "Doomed", CommentKit.NewEmail(), "This save fails");
        });
        Assert.False(await app.DbAsync(db => db.Comments.AnyAsync(c => c.AuthorName == "Doomed")));
        Assert.Equal(1, await app.CountOfAsync(post));

        // A held reply whose approval fails halfway stays held and uncounted.
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Always);
        var reply = (await app.AddCommentAsync(journal, post, "Rep", CommentKit.NewEmail(), "Reply", parent.Id)).Comment!;
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using var fault = OutboxFault.Arm();
            await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [reply.Id], ModerationAction.Approve, default));
        });
        Assert.Equal(CommentStatus.Pending, await app.DbAsync(db => db.Comments.Where(c => c.Id == reply.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(1, await app.CountOfAsync(post));
        var payload = $"{{\"CommentId\":{reply.Id}}}";
        Assert.Equal(0, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload == payload && m.Type == Outbox.ReplyToCommenter)));

        // Unarmed, both happen, with their rows.
        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [reply.Id], ModerationAction.Approve, default));
        Assert.Equal(2, await app.CountOfAsync(post));
        Assert.Equal(1, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload == payload && m.Type == Outbox.ReplyToCommenter)));
    }

    [Fact]
    public async Task Concurrent_comments_are_all_counted()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var tasks = Enumerable.Range(0, 8).Select(i => app.AddCommentAsync(journal, post, $"Racer {i}", CommentKit.NewEmail(), $"Race {i}"));
        var outcomes = await Task.WhenAll(tasks);
        Assert.All(outcomes, o => Assert.True(o.Stored, o.Message));
        Assert.Equal(8, await app.CountOfAsync(post));
    }

    [Fact]
    public async Task A_comment_that_cannot_be_saved_fails_alone_when_it_shares_a_group_commit()
    {
        // Posted at once, these are likely to share one transaction of the group-commit writer (decision 0040); the one that
        // fails is retried alone, so only its own caller sees the error and every other comment is stored and counted once.
        var (_, journal, post) = await app.OpenJournalAsync();
        var doomed = $"Doomed in a crowd {Guid.NewGuid():N}";
        using var fault = OutboxFault.ArmFor(doomed);
        var tasks = Enumerable.Range(0, 12).Select(i => Attempt(i == 5 ? doomed : $"Crowd {i}")).ToList();
        var outcomes = await Task.WhenAll(tasks);
        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.True(o!.Stored, o.Message));
        Assert.Equal(11, await app.CountOfAsync(post));
        Assert.False(await app.DbAsync(db => db.Comments.AnyAsync(c => c.Text == doomed)));
        var ids = outcomes.Where(o => o is not null).Select(o => $"{{\"CommentId\":{o!.Comment!.Id}}}").ToList();
        Assert.Equal(11, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Payload) && m.Type == Outbox.CommentToOwner)));

        async Task<CommentOutcome?> Attempt(string text)
        {
            try { return await app.AddCommentAsync(journal, post, "Crowd", CommentKit.NewEmail(), text); }
            catch (InvalidOperationException) when (text == doomed) { return null; }
        }
    }
}

public sealed class CommentModerationTestsOnSqlite(CommentsSqliteApp app) : CommentModerationTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class CommentModerationTestsOnPostgres(CommentsPostgresApp app) : CommentModerationTests(app), IClassFixture<CommentsPostgresApp>;
