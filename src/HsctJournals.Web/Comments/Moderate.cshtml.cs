using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The moderation queue of one journal, for its owners, co-authors and moderators (everyone else: 404).
/// Tabs by status with counts, search, single and bulk actions in one plain form (no JavaScript needed).
/// </summary>
[Authorize, IgnoreAntiforgeryToken, JournalPage(JournalCapability.Moderate)]
public sealed class ModerateModel(JournalContext context, ModerationQueue queue, CommentModerator moderator, IAntiforgery antiforgery)
    : JournalPageModel(context)
{
    public CommentStatus Status { get; private set; }
    public string? Search { get; private set; }
    public Dictionary<CommentStatus, int> Counts { get; private set; } = [];
    public QueuePage Items { get; private set; } = null!;
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, string? status, string? q, int? page, int? done, string? did, CancellationToken ct)
    {
        if (!await LoadAsync(journal, status, q, page, ct)) return NotFound();
        if (done is { } count) Message = $"{count} {(count == 1 ? "comment" : "comments")} {did switch { "Approve" => "approved", "Unapprove" => "moved back to pending", "Spam" => "marked as spam", "Trash" => "moved to the trash", "Restore" => "restored to pending", "Delete" => "deleted for ever", _ => "changed" }}.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, string? status, string? q, int? page,
        [FromForm] int[]? ids, [FromForm] string? bulk, [FromForm] string? single, CancellationToken ct)
    {
        if (!await LoadAsync(journal, status, q, page, ct)) return NotFound();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Error = "This page had been open too long to act on safely. Please choose again.";
            return Page();
        }
        ModerationAction action;
        List<int> targets;
        if (!string.IsNullOrEmpty(single))
        {
            // "Approve:42": the button of one comment.
            var parts = single.Split(':');
            if (parts.Length != 2 || !Enum.TryParse(parts[0], out action) || !int.TryParse(parts[1], out var id))
            {
                Error = "That action was not understood. Please choose again.";
                return Page();
            }
            targets = [id];
        }
        else
        {
            if (!Enum.TryParse(bulk, out action) || !Enum.IsDefined(action))
            {
                Error = "Choose what to do with the selected comments.";
                return Page();
            }
            targets = ids?.ToList() ?? [];
            if (targets.Count == 0)
            {
                Error = "Tick at least one comment first.";
                return Page();
            }
        }
        var changed = await moderator.ApplyAsync(Journal.Id, targets, action, ct);
        return Redirect($"{QueueLink(Status, Search, Items.Page)}&done={changed}&did={action}");
    }

    public string QueueLink(CommentStatus status, string? search = null, int page = 1) =>
        $"/j/{Journal.Slug}/comments?status={status.ToString().ToLowerInvariant()}"
        + (string.IsNullOrWhiteSpace(search) ? "" : $"&q={Uri.EscapeDataString(search)}")
        + (page > 1 ? $"&page={page}" : "");

    private async Task<bool> LoadAsync(string journal, string? status, string? q, int? page, CancellationToken ct)
    {
        Meta.NoIndex = true;
        Status = Enum.TryParse<CommentStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : CommentStatus.Pending;
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)];
        Counts = await queue.CountsAsync(Journal.Id, ct);
        Items = await queue.ListAsync(Journal.Id, Status, Search, page ?? 1, ct);
        return true;
    }
}
