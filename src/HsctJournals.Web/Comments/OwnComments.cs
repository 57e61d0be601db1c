using HsctJournals.Domain.Comments;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Comments;

/// <summary>A comment its author may still change, with where it lives.</summary>
public sealed record OwnComment(int Id, int PostId, int? ParentId, CommentStatus Status, string Text, DateTime CreatedAt,
    string JournalSlug, string PostSlug, string PostTitle, DateTime EditableUntil);

/// <summary>
/// A commenter edits or deletes their own comment for a short while (<see cref="CommentOptions.OwnEditMinutes"/>),
/// recognised by their account or by the secret cookie whose hash the comment carries.
/// </summary>
public sealed class OwnComments(JournalsDbContext db, JournalAccess access, JournalContext journals, CommentStore store, IOptions<CommentOptions> options, TimeProvider clock)
{
    /// <summary>The comment when the reader wrote it, may still read its post and the time has not run out; else null.</summary>
    public async Task<OwnComment?> FindAsync(int commentId, Reader reader, string? tokenHash, CancellationToken ct)
    {
        if (reader.UserId is null && tokenHash is null) return null;
        var since = options.Value.EditableSince(clock.GetUtcNow());
        var userId = reader.UserId;
        var posts = access.ReadablePosts(reader);
        var found = await db.Comments.AsNoTracking()
            .Where(CommentOwnership.Of(c => c.Id == commentId && c.CreatedAt > since
                && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Pending)
                && CommentOwnership.IsOwnedBy(c, userId, tokenHash)
                && posts.Any(p => p.Id == c.PostId)))
            .Select(c => new OwnComment(c.Id, c.PostId, c.ParentId, c.Status, c.Text, c.CreatedAt, c.Post.Journal.Slug, c.Post.Slug, c.Post.Title, c.CreatedAt))
            .FirstOrDefaultAsync(ct);
        return found is null ? null : found with { EditableUntil = found.CreatedAt.AddMinutes(options.Value.OwnEditMinutes) };
    }

    /// <summary>
    /// Saves new text; returns an error message or null. The journal's link, held-word and blocked-word
    /// rules apply again, so an approved comment cannot be edited into spam.
    /// </summary>
    public async Task<string?> EditAsync(OwnComment own, string? text, Reader reader, CancellationToken ct)
    {
        if (CommentText.Validate(text) is { } error) return error;
        var normalised = CommentText.Normalise(text);
        // FindAsync checked the reader may read the post, so the journal resolves.
        if (!await journals.ResolveAsync(own.JournalSlug, reader, ct)) return "This comment can no longer be changed.";
        var policy = CommentPolicies.From(journals.Journal.Comments);
        var isStaff = journals.CanModerate;
        var to = own.Status;
        if (!isStaff && WordList.FindFirst(normalised, policy.BlockedWords) is not null) to = CommentStatus.Spam;
        else if (!isStaff && (policy.Hold == HoldRule.Always || WordList.FindFirst(normalised, policy.HeldWords) is not null
                 || LinkCounter.Count(normalised) > policy.MaxLinksBeforeHold)) to = CommentStatus.Pending;

        if (to == own.Status) await store.EditTextAsync(own.Id, normalised, ct);
        else if (!await store.ChangeStatusAsync(own.Id, own.PostId, own.ParentId, own.Status, to, normalised, ct))
            return "A moderator changed this comment while you were editing it, so your change was not saved.";
        return null;
    }

    /// <summary>Moves the comment to the trash (a moderator can still restore it).</summary>
    public Task<bool> DeleteAsync(OwnComment own, CancellationToken ct) =>
        store.ChangeStatusAsync(own.Id, own.PostId, own.ParentId, own.Status, CommentStatus.Trash, null, ct);
}
