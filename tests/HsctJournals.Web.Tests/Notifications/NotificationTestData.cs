using System.Text.RegularExpressions;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using HsctJournals.Web.Followers;

namespace HsctJournals.Web.Tests.Notifications;

/// <summary>
/// Comments written straight to the database with their outbox row, as the comment feature does
/// (comment and outbox row in one transaction), plus helpers to wait for and read delivered mail.
/// </summary>
internal static partial class NotificationTestData
{
    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 9)] + "@tests.invalid";

    public static Task<Comment> AddCommentAsync(AppFactory app, Post post, string name, string email, CommentStatus status,
        Comment? parent = null, bool notifyOnReply = false, string? userId = null, bool toOwner = true, bool toParent = true) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var outbox = sp.GetRequiredService<Outbox>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var comment = new Comment
            {
                PostId = post.Id, ParentId = parent?.Id, Depth = parent is null ? 1 : parent.Depth + 1, AuthorName = name,
                AuthorEmail = email, UserId = userId, Text = $"A comment by {name}.\nSecond line.", Status = status,
                NotifyOnReply = notifyOnReply, CreatedAt = DateTime.UtcNow,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            if (toOwner) outbox.Enqueue(Outbox.CommentToOwner, new CommentMessage(comment.Id));
            if (toParent && parent is not null && status == CommentStatus.Approved) outbox.Enqueue(Outbox.ReplyToCommenter, new CommentMessage(comment.Id));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return comment;
        });

    public static Task SetJournalAsync(AppFactory app, Journal journal, Action<Journal> change) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var j = await db.Journals.SingleAsync(x => x.Id == journal.Id);
        change(j);
        await db.SaveChangesAsync();
    });

    /// <summary>Waits until every queued message is sent or has failed for good, so "no mail" can be asserted.</summary>
    /// <summary>A follower stored as confirmed (the opt-in itself is tested elsewhere); returns the address.</summary>
    public static Task<string> ConfirmedFollowerAsync(AppFactory app, Journal journal, FollowFrequency frequency, DateTime? confirmedAt = null,
        string? email = null, string? userId = null) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var address = email ?? NewAddress("follower");
        var when = confirmedAt ?? DateTime.UtcNow;
        db.Followers.Add(new Follower
        {
            JournalId = journal.Id, Email = address, UserId = userId, Frequency = frequency,
            TokenHash = Web.Shared.SecretTokens.Hash(Guid.NewGuid().ToString()), CreatedAt = when, ConfirmedAt = when,
        });
        await db.SaveChangesAsync();
        return address;
    });

    public static Task OutboxDrainedAsync(AppFactory app) => Eventually.TrueAsync(() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var now = DateTime.UtcNow;
        var unannounced = await db.Posts.AnyAsync(p => p.AnnouncedAt == null && p.Status != PostStatus.Draft && p.PublishedAt <= now);
        return !unannounced && !await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.Attempts < 10);
    }), "the outbox to drain");

    public static string Text(MimeMessage m) => m.TextBody ?? "";
    public static string Html(MimeMessage m) => m.HtmlBody ?? "";

    /// <summary>The first site link in the text part whose path starts with <paramref name="pathStart"/>, as a path.</summary>
    public static string LinkPath(MimeMessage m, string pathStart)
    {
        var match = LinkPattern().Matches(Text(m)).Select(x => new Uri(x.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal));
        Assert.True(match is not null, $"No link to {pathStart} in: {Text(m)}");
        return match!.PathAndQuery;
    }

    /// <summary>No test address other than the recipient's anywhere in the message (headers, text, HTML).</summary>
    public static void AssertOnlyOwnAddress(MimeMessage m)
    {
        var recipient = Assert.Single(m.To.Mailboxes).Address;
        Assert.Empty(m.Cc);
        Assert.Empty(m.Bcc);
        // Message-Id is made from the host name, not from anyone's address.
        var headers = string.Join("\n", m.Headers.Where(h => h.Id != HeaderId.MessageId).Select(h => h.ToString()));
        var everything = headers + Text(m) + Html(m);
        foreach (Match address in AddressPattern().Matches(everything))
        {
            var a = address.Value;
            Assert.True(a.Equals(recipient, StringComparison.OrdinalIgnoreCase) || a.StartsWith("no-reply@", StringComparison.Ordinal),
                $"Message to {recipient} \"{m.Subject}\" contains {a}");
        }
    }

    /// <summary>Both a text and an HTML part, and the RFC 8058 one-click headers.</summary>
    public static void AssertWellFormedForReader(MimeMessage m)
    {
        Assert.False(string.IsNullOrWhiteSpace(m.TextBody));
        Assert.False(string.IsNullOrWhiteSpace(m.HtmlBody));
        var listUnsubscribe = m.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches("^<http://journals\\.test/unsubscribe/[^>]+>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(listUnsubscribe.Trim('<', '>'), Text(m));
        AssertOnlyOwnAddress(m);
    }

    [GeneratedRegex(@"http://journals\.test/[^\s""<>]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex AddressPattern();
}

/// <summary>Polls until a condition holds (the sender is asynchronous), failing with a message after a timeout.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 20) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);

    /// <summary>Waits for exactly <paramref name="count"/> messages to <paramref name="address"/>, then checks no more follow.</summary>
    public static async Task<List<MimeMessage>> MailAsync(TestSmtpServer mail, string address, int count = 1)
    {
        await TrueAsync(() => mail.To(address).Count >= count, $"{count} message(s) to {address}");
        return mail.To(address);
    }
}
