using HsctJournals.Domain.Comments;
using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Treatment;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using HsctJournals.Web.Shared;
using HsctJournals.Web.Followers;
namespace HsctJournals.Web.Tests.Portability;

/// <summary>Deleting an account through the real form, for a person who wrote, commented, followed and kept a treatment course.</summary>
public abstract class AccountDeletionTests(AppFactory app)
{
    private sealed record World(AppUser Person, AppUser CoAuthor, AppUser Other, Journal Handed, Journal Dropped, Journal Elsewhere,
        Post ElsewherePost, int PersonsComment, int OthersReply, int PersonsLeaf);

    /// <summary>
    /// The person owns "Handed" (with a co-author) and "Dropped" (with a treatment course), co-authors
    /// "Elsewhere" (owned by Other) where they wrote a post and a comment that Other answered, and a
    /// comment nobody answered; they follow Elsewhere and have an API token.
    /// </summary>
    private async Task<World> BuildAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var person = await app.CreateUserAsync("Pat Person");
        var coAuthor = await app.CreateUserAsync("Cora Coauthor");
        var other = await app.CreateUserAsync("Otto Other");
        var handed = await app.CreateJournalAsync(person, JournalVisibility.Public, $"Handed journal {run}");
        await app.AddMemberAsync(handed, coAuthor, JournalRole.CoAuthor);
        await app.CreatePostAsync(handed, person, "Day 1 in Handed", publishAtUtc: DateTime.UtcNow.AddDays(-2));
        await app.CreatePostAsync(handed, person, "A draft in Handed", status: PostStatus.Draft);
        var dropped = await app.CreateJournalAsync(person, JournalVisibility.Private, $"Dropped journal {run}");
        await app.CreatePostAsync(dropped, person, "Private thoughts", publishAtUtc: DateTime.UtcNow.AddDays(-1));
        await app.CreateCourseAsync(dropped, person, TreatmentSharing.OwnerOnly);

        var elsewhere = await app.CreateJournalAsync(other, JournalVisibility.Public, $"Elsewhere journal {run}");
        await app.SetPolicyAsync(elsewhere, s => s.Hold = HoldRule.Never);
        await app.AddMemberAsync(elsewhere, person, JournalRole.CoAuthor);
        await app.CreatePostAsync(elsewhere, person, "Guest post by Pat", publishAtUtc: DateTime.UtcNow.AddDays(-1));
        var otherPost = await app.CreatePostAsync(elsewhere, other, "Otto's news", publishAtUtc: DateTime.UtcNow.AddDays(-1));
        var personsComment = await CommentAsync(elsewhere, otherPost, new Reader(person.Id, false), "Thinking of you", null);
        var othersReply = await CommentAsync(elsewhere, otherPost, new Reader(other.Id, false), "Thank you Pat", personsComment);
        var leaf = await CommentAsync(elsewhere, otherPost, new Reader(person.Id, false), "One more thing", null);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            db.Followers.Add(new Follower { JournalId = elsewhere.Id, Email = person.Email!.ToLowerInvariant(), UserId = person.Id, TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await app.TokenForAsync(person, "Phone");
        return new World(person, coAuthor, other, handed, dropped, elsewhere, otherPost, personsComment, othersReply, leaf);
    }

    private Task<int> CommentAsync(Journal journal, Post post, Reader reader, string text, int? parent) => app.WithScopeAsync(async sp =>
    {
        var here = sp.GetRequiredService<JournalContext>();
        Assert.True(await here.ResolveAsync(journal.Slug, reader));
        var outcome = await sp.GetRequiredService<CommentService>().PostAsync(here, new CommentSubmission
        {
            PostSlug = post.Slug, Text = text, ParentId = parent,
        });
        var db = sp.GetRequiredService<JournalsDbContext>();
        return await db.Comments.Where(c => c.PostId == post.Id && c.Text == text).Select(c => c.Id).SingleAsync();
    });

    [Fact]
    public async Task A_person_with_posts_drafts_comments_follows_tokens_and_a_course_deletes_their_account_keeping_comments_as_deleted_user()
    {
        var w = await BuildAsync();
        var client = await app.SignedInClientAsync(w.Person);
        var form = await Forms.GetAsync(client, "/account/delete");
        Assert.Contains(w.Handed.Title, form.Html);
        Assert.Contains(w.Dropped.Title, form.Html);
        Assert.Contains("Hand it to Cora Coauthor", form.Html);
        Assert.DoesNotContain(w.Elsewhere.Title, form.Html); // not theirs to decide

        var response = await form.PostAsync(client, new()
        {
            [$"Journal-{w.Handed.Id}"] = $"hand:{w.CoAuthor.Id}", [$"Journal-{w.Dropped.Id}"] = "delete",
            ["Comments"] = nameof(OwnCommentsChoice.KeepAsDeletedUser), ["Password"] = AppFactory.Password, ["Understood"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/deleted", response.Headers.Location?.OriginalString);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == w.Person.Id));
            Assert.False(await db.ApiTokens.AnyAsync(t => t.UserId == w.Person.Id));
            Assert.False(await db.Followers.AnyAsync(f => f.UserId == w.Person.Id || f.Email == w.Person.Email!.ToLower()));
            Assert.False(await db.JournalMembers.AnyAsync(m => m.UserId == w.Person.Id));
            // Dropped: gone with its posts and course; the address rests.
            Assert.False(await db.Journals.AnyAsync(j => j.Id == w.Dropped.Id));
            Assert.False(await db.TreatmentCourses.AnyAsync(c => c.JournalId == w.Dropped.Id));
            Assert.True(await db.RetiredSlugs.AnyAsync(r => r.Slug == w.Dropped.Slug));
            // Handed: Cora owns it; Pat's posts (published and draft) stay, signed "Deleted user".
            Assert.Equal(JournalRole.Owner, await db.JournalMembers.Where(m => m.JournalId == w.Handed.Id && m.UserId == w.CoAuthor.Id).Select(m => m.Role).SingleAsync());
            var handedPosts = await db.Posts.Where(p => p.JournalId == w.Handed.Id).ToListAsync();
            Assert.Equal(2, handedPosts.Count);
            Assert.All(handedPosts, p => { Assert.Equal(w.CoAuthor.Id, p.AuthorId); Assert.Equal(AccountDeleter.DeletedUserName, p.Byline); });
            // Elsewhere: the guest post passes to its owner; the comments stay, anonymised, the reply still under its parent.
            var guest = await db.Posts.SingleAsync(p => p.JournalId == w.Elsewhere.Id && p.Title == "Guest post by Pat");
            Assert.Equal(w.Other.Id, guest.AuthorId);
            var comment = await db.Comments.SingleAsync(c => c.Id == w.PersonsComment);
            Assert.Equal(AccountDeleter.DeletedUserName, comment.AuthorName);
            Assert.Equal("", comment.AuthorEmail);
            Assert.Null(comment.UserId);
            Assert.Equal("Thinking of you", comment.Text);
            Assert.Equal(w.PersonsComment, (await db.Comments.SingleAsync(c => c.Id == w.OthersReply)).ParentId);
            Assert.Equal(3, await db.Posts.Where(p => p.Id == w.ElsewherePost.Id).Select(p => p.CommentCount).SingleAsync());
        });

        var page = await app.AnonymousClient().GetStringAsync($"/j/{w.Elsewhere.Slug}/posts/{w.ElsewherePost.Slug}");
        Assert.Contains("Deleted user", page);
        Assert.DoesNotContain("Pat Person", page);
        var home = await app.AnonymousClient().GetStringAsync($"/j/{w.Handed.Slug}");
        Assert.Contains("Day 1 in Handed", home);
        Assert.Contains("Deleted user", home);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/j/{w.Dropped.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Removing_comments_deletes_unanswered_ones_and_leaves_a_placeholder_where_others_replied()
    {
        var w = await BuildAsync();
        var client = await app.SignedInClientAsync(w.Person);
        var form = await Forms.GetAsync(client, "/account/delete");
        var response = await form.PostAsync(client, new()
        {
            [$"Journal-{w.Handed.Id}"] = "delete", [$"Journal-{w.Dropped.Id}"] = "delete",
            ["Comments"] = nameof(OwnCommentsChoice.Remove), ["Password"] = AppFactory.Password, ["Understood"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            Assert.False(await db.Comments.AnyAsync(c => c.Id == w.PersonsLeaf));
            var placeholder = await db.Comments.SingleAsync(c => c.Id == w.PersonsComment);
            Assert.Equal(AccountDeleter.RemovedCommentText, placeholder.Text);
            Assert.Equal(AccountDeleter.DeletedUserName, placeholder.AuthorName);
            Assert.Equal(w.PersonsComment, (await db.Comments.SingleAsync(c => c.Id == w.OthersReply)).ParentId);
            Assert.Equal(2, await db.Posts.Where(p => p.Id == w.ElsewherePost.Id).Select(p => p.CommentCount).SingleAsync());
            Assert.False(await db.Journals.AnyAsync(j => j.Id == w.Handed.Id || j.Id == w.Dropped.Id));
        });
    }

    [Fact]
    public async Task A_missing_decision_or_a_wrong_password_changes_nothing_and_keeps_the_choices()
    {
        var w = await BuildAsync();
        var client = await app.SignedInClientAsync(w.Person);
        var form = await Forms.GetAsync(client, "/account/delete");
        var response = await form.PostAsync(client, new()
        {
            [$"Journal-{w.Handed.Id}"] = $"hand:{w.CoAuthor.Id}",
            ["Comments"] = nameof(OwnCommentsChoice.Remove), ["Password"] = "not my password", ["Understood"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("That is not your password.", html);
        Assert.Contains($"Choose what happens to “{w.Dropped.Title}”.", html);
        Assert.Matches($"value=\"hand:{w.CoAuthor.Id}\" checked", html);

        // Handing to someone who is not a co-author is refused by the rule itself, not only the form.
        var refused = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var person = await users.FindByIdAsync(w.Person.Id);
            return await sp.GetRequiredService<AccountDeleter>().DeleteAsync(person!, new AccountDeletionRequest(
                [new(w.Handed.Id, OwnedJournalChoice.HandOver, w.Other.Id), new(w.Dropped.Id, OwnedJournalChoice.Delete, null)],
                OwnCommentsChoice.KeepAsDeletedUser), CancellationToken.None);
        });
        Assert.False(refused.Succeeded);
        Assert.True(await app.DbAsync(db => db.Users.AnyAsync(u => u.Id == w.Person.Id)));
        Assert.True(await app.DbAsync(db => db.Journals.AnyAsync(j => j.Id == w.Dropped.Id)));
    }

    [Fact]
    public async Task An_owner_deletes_a_journal_with_a_threaded_discussion_and_its_address_rests()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var first = await app.AddCommentAsync(journal, post, "Ann", CommentKit.NewEmail(), "Top");
        var top = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).Select(c => c.Id).SingleAsync());
        await app.AddCommentAsync(journal, post, "Ben", CommentKit.NewEmail(), "Reply", top);
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/delete");
        var wrong = await form.PostAsync(client, new() { ["Confirmation"] = "something else" });
        Assert.Contains("Type the journal", await wrong.Content.ReadAsStringAsync());
        Assert.True(await app.DbAsync(db => db.Journals.AnyAsync(j => j.Id == journal.Id)));

        var deleted = await form.PostAsync(client, new() { ["Confirmation"] = journal.Slug });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.DbAsync(db => db.Comments.AnyAsync(c => c.PostId == post.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/j/{journal.Slug}")).StatusCode);

        var reuse = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalEditor>().CreateAsync(owner.Id, new JournalInput { Title = "Again", Slug = journal.Slug }));
        Assert.False(reuse.Succeeded);
        Assert.Contains("resting", string.Join(" ", reuse.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public async Task Someone_who_is_not_the_owner_gets_404_on_the_journal_deletion_page()
    {
        var (_, journal, _) = await app.OpenJournalAsync();
        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/j/{journal.Slug}/delete")).StatusCode);
    }
}

public sealed class AccountDeletionTestsOnSqlite(SqliteApp app) : AccountDeletionTests(app), IClassFixture<SqliteApp>;
public sealed class AccountDeletionTestsOnPostgres(PostgresApp app) : AccountDeletionTests(app), IClassFixture<PostgresApp>;
