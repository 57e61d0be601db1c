using System.Text.Json;
using HsctJournals.Web.Data;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// Adds a message to the outbox in the caller's unit of work: it is saved by the same
/// <c>SaveChanges</c> as the change that caused it (design invariant 5), and sent later by the
/// background sender. Nothing is sent from a request.
/// </summary>
public sealed class Outbox(JournalsDbContext db, TimeProvider clock)
{
    /// <summary>A new comment: tells the journal's owners (the sender applies their notification setting).</summary>
    public const string CommentToOwner = "comment.owner";
    /// <summary>An approved reply: tells the parent comment's author if they asked to be told.</summary>
    public const string ReplyToCommenter = "comment.reply";
    /// <summary>A post went live: tells the journal's confirmed instant followers.</summary>
    public const string PostToFollowers = "post.published";
    /// <summary>Double opt-in: asks a new follower to confirm.</summary>
    public const string ConfirmFollow = "follow.confirm";

    /// <summary>One daily-digest follower's posts of the day.</summary>
    public const string Digest = "digest";
    /// <summary>An already composed e-mail to one person (what a message to many fans out into).</summary>
    public const string Mail = "mail";

    public void Enqueue(string type, object payload)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Type = type,
            Payload = JsonSerializer.Serialize(payload),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

/// <summary>Payload of <see cref="Outbox.CommentToOwner"/> and <see cref="Outbox.ReplyToCommenter"/>.</summary>
public sealed record CommentMessage(int CommentId);
