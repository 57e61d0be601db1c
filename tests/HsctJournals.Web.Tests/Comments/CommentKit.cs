using HsctJournals.Domain.Comments;
using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>Helpers for comment tests: visitors with their own address, posting the form, setting policies.</summary>
public static class CommentKit
{
    private static int _next;

    public static string NewEmail(string who = "reader") => $"{who}-{Guid.NewGuid():N}"[..20] + "@commenters.test";

    /// <summary>A browser-like client (cookies kept, no redirects followed) from its own IP address.</summary>
    public static HttpClient Visitor(this AppFactory app, IPAddress? address = null)
    {
        address ??= IPAddress.Parse($"2001:db8:c0::{Interlocked.Increment(ref _next):x}");
        var handler = new CookieContainerHandler { InnerHandler = app.Server.CreateHandler(http => http.Connection.RemoteIpAddress = address) };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
    }

    /// <summary>A visitor signed in as <paramref name="user"/> through the real login form.</summary>
    public static async Task<HttpClient> SignedInVisitorAsync(this AppFactory app, AppUser user)
    {
        var client = app.Visitor();
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        var response = await form.PostAsync(client, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password, ["Input.RememberMe"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// Fetches the post page (optionally with a query such as "?replyto=3") and posts the comment form, as if
    /// it had been open for a minute (the protected render time is made by the app's own <see cref="FormTimestamp"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> CommentAsync(this AppFactory app, HttpClient client, string postPath,
        Dictionary<string, string> fields, string query = "", bool backdate = true)
    {
        var form = await Forms.GetAsync(client, postPath + query);
        if (backdate) fields["Input.Rendered"] = app.Services.GetRequiredService<FormTimestamp>().Protect(DateTimeOffset.UtcNow.AddMinutes(-1));
        return await form.PostAsync(client, fields, postPath + "?handler=Comment");
    }

    public static Dictionary<string, string> Fields(string text, string name, string email, string? website = null, int? parentId = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Text"] = text, ["Input.AuthorName"] = name, ["Input.AuthorEmail"] = email };
        if (website is not null) fields["Input.Website"] = website;
        if (parentId is not null) fields["Input.ParentId"] = parentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    public static string PathOf(Journal journal, Post post) => $"/j/{journal.Slug}/posts/{post.Slug}";

    public static Task SetPolicyAsync(this AppFactory app, Journal journal, Action<CommentSettings> change) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var tracked = await db.Journals.FirstAsync(j => j.Id == journal.Id);
        change(tracked.Comments);
        await db.SaveChangesAsync();
    });

    /// <summary>A public journal whose comments appear at once (hold: never), with one post.</summary>
    public static async Task<(AppUser Owner, Journal Journal, Post Post)> OpenJournalAsync(this AppFactory app,
        JournalVisibility visibility = JournalVisibility.Public, HoldRule hold = HoldRule.Never)
    {
        var owner = await app.CreateUserAsync("Olive Owner");
        var journal = await app.CreateJournalAsync(owner, visibility);
        await app.SetPolicyAsync(journal, s => s.Hold = hold);
        var post = await app.CreatePostAsync(journal, owner, "Day +10: engrafted", publishAtUtc: DateTime.UtcNow.AddHours(-1));
        return (owner, journal, post);
    }

    /// <summary>Stores a comment through the app's own service (no form, no fill time), as an anonymous visitor.</summary>
    public static Task<CommentOutcome> AddCommentAsync(this AppFactory app, Journal journal, Post post, string name, string email, string text,
        int? parentId = null, IPAddress? ip = null) =>
        app.WithScopeAsync(async sp =>
        {
            // As a request would: the journal is resolved through the access rule first.
            var here = sp.GetRequiredService<JournalContext>();
            if (!await here.ResolveAsync(journal.Slug, Reader.Anonymous)) return new CommentOutcome(CommentOutcomeKind.NotFound);
            return await sp.GetRequiredService<CommentService>().PostAsync(here, new CommentSubmission
            {
                PostSlug = post.Slug, Text = text, AuthorName = name, AuthorEmail = email, ParentId = parentId, IpAddress = ip,
            });
        });

    /// <summary>
    /// Sixty threads written directly (no count, no stamp), oldest three hours ago: a comment, a reply, a reply to that,
    /// and a held reply (by the commenter cookie whose secret is <paramref name="heldSecret"/>, when given); then
    /// <paramref name="crowd"/> approved replies in the first thread, which stays on page 1.
    /// </summary>
    public static Task<SeededConversation> SeedConversationAsync(this AppFactory app, Post post, string? heldSecret = null, int crowd = 0) =>
        app.WithScopeAsync(async sp =>
        {
            var (roots, replies, held) = (new int[60], new int[60], new int[60]);
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
                var waiting = new Comment { PostId = post.Id, ParentId = root.Id, Depth = 2, AuthorName = "Held", AuthorEmail = "h@x.test", Text = $"Held under {i:00}.", Status = CommentStatus.Pending, CreatedAt = start.AddMinutes(i).AddSeconds(50), AuthorTokenHash = heldSecret is null ? null : SecretTokens.Hash(heldSecret) };
                db.Comments.Add(waiting);
                await db.SaveChangesAsync();
                (roots[i], replies[i], held[i]) = (root.Id, reply.Id, waiting.Id);
            }
            for (var i = 0; i < crowd; i++)
                db.Comments.Add(new Comment { PostId = post.Id, ParentId = roots[0], Depth = 2, AuthorName = "Crowd", AuthorEmail = "c@x.test", Text = $"Cheering {i}.", Status = CommentStatus.Approved, CreatedAt = start.AddSeconds(30 + i % 20) });
            await db.SaveChangesAsync();
            return new SeededConversation(roots, replies, held);
        });

    public static Task<T> DbAsync<T>(this AppFactory app, Func<JournalsDbContext, Task<T>> query) =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<JournalsDbContext>()));

    public static Task<int> CountOfAsync(this AppFactory app, Post post) =>
        app.DbAsync(db => db.Posts.Where(p => p.Id == post.Id).Select(p => p.CommentCount).FirstAsync());
}

/// <summary>The ids of the sixty threads <see cref="CommentKit.SeedConversationAsync"/> wrote, by thread number.</summary>
public sealed record SeededConversation(int[] Roots, int[] Replies, int[] Held);
