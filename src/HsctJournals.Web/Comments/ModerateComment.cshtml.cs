using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Comments;

/// <summary>
/// One comment in the moderation screens: edit its text, or reply to it as yourself. Replying to a held
/// comment approves it first (a moderator answering it has read it), as WordPress's "Approve and Reply" does.
/// </summary>
[Authorize, IgnoreAntiforgeryToken, JournalPage(JournalCapability.Moderate)]
public sealed class ModerateCommentModel(JournalContext context, ModerationQueue queue, CommentModerator moderator,
    CommentService comments, IAntiforgery antiforgery) : JournalPageModel(context)
{
    public QueueItem Comment { get; private set; } = null!;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Reply { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, int id, bool? saved, bool? replied, CancellationToken ct)
    {
        if (!await LoadAsync(journal, id, ct)) return NotFound();
        Text = Comment.Text;
        if (saved == true) Message = "Your changes to the comment were saved.";
        if (replied == true) Message = "Your reply was posted.";
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string journal, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, id, ct)) return NotFound();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Error = "This page had been open too long to save safely. Your text is still here: press Save again.";
            return Page();
        }
        var (found, error) = await moderator.EditAsync(Journal.Id, id, Text, ct);
        if (!found) return NotFound();
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Text), error);
            return Page();
        }
        return Redirect($"/j/{Journal.Slug}/comments/{id}?saved=true");
    }

    public async Task<IActionResult> OnPostReplyAsync(string journal, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, id, ct)) return NotFound();
        Text ??= Comment.Text;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Error = "This page had been open too long to post safely. Your reply is still here: press Post reply again.";
            return Page();
        }
        if (Comment.Status != CommentStatus.Approved)
            await moderator.ApplyAsync(Journal.Id, [id], ModerationAction.Approve, ct);
        var outcome = await comments.PostAsync(Context, new CommentSubmission
        {
            PostSlug = Comment.PostSlug, Text = Reply, ParentId = id,
            IpAddress = HttpContext.Connection.RemoteIpAddress,
        }, ct);
        if (outcome.Stored) return Redirect($"/j/{Journal.Slug}/comments/{id}?replied=true");
        foreach (var (field, messages) in outcome.Errors)
            foreach (var message in messages) ModelState.AddModelError(field == "Text" ? nameof(Reply) : string.Empty, message);
        Error = outcome.Message;
        Comment = (await queue.FindAsync(Journal.Id, id, ct))!;
        return Page();
    }

    private async Task<bool> LoadAsync(string journal, int id, CancellationToken ct)
    {
        Meta.NoIndex = true;
        var found = await queue.FindAsync(Journal.Id, id, ct);
        if (found is null) return false;
        Comment = found;
        return true;
    }
}
