using HsctJournals.Domain.Comments;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>What a moderator can do to a comment.</summary>
public enum ModerationAction { Approve, Unapprove, Spam, Trash, Restore, Delete }

/// <summary>
/// Moderation of one journal's comments, shared by the queue page and the API. The caller has
/// already resolved the journal with the Moderate capability (<see cref="Journals.JournalContext"/>); comment ids
/// from other journals are ignored, exactly like ids that do not exist.
/// </summary>
public sealed class CommentModerator(JournalsDbContext db, CommentStore store)
{
    /// <summary>The status an action leads to; null for <see cref="ModerationAction.Delete"/>.</summary>
    public static CommentStatus? Target(ModerationAction action) => action switch
    {
        ModerationAction.Approve => CommentStatus.Approved,
        ModerationAction.Unapprove or ModerationAction.Restore => CommentStatus.Pending,
        ModerationAction.Spam => CommentStatus.Spam,
        ModerationAction.Trash => CommentStatus.Trash,
        _ => null,
    };

    /// <summary>Applies <paramref name="action"/> to each comment; returns how many changed. Each comment is its own transaction.</summary>
    public async Task<int> ApplyAsync(int journalId, IEnumerable<int> commentIds, ModerationAction action, CancellationToken ct)
    {
        var ids = commentIds.Distinct().Take(500).ToList();
        var comments = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Post.JournalId == journalId)
            .Select(c => new { c.Id, c.PostId, c.ParentId, c.Status }).ToListAsync(ct);
        var changed = 0;
        foreach (var c in comments)
        {
            if (action == ModerationAction.Delete)
            {
                if (await store.DeleteAsync(c.Id, ct)) changed++;
                continue;
            }
            var to = Target(action)!.Value;
            if (c.Status == to) continue;
            if (await store.ChangeStatusAsync(c.Id, c.PostId, c.ParentId, c.Status, to, null, ct)) changed++;
        }
        return changed;
    }

    /// <summary>Replaces a comment's text; the message when it is not acceptable, else null. False "found" for foreign ids.</summary>
    public async Task<(bool Found, string? Error)> EditAsync(int journalId, int commentId, string? text, CancellationToken ct)
    {
        var exists = await db.Comments.AnyAsync(c => c.Id == commentId && c.Post.JournalId == journalId, ct);
        if (!exists) return (false, null);
        if (CommentText.Validate(text) is { } error) return (true, error);
        await store.EditTextAsync(commentId, CommentText.Normalise(text), ct);
        return (true, null);
    }
}
