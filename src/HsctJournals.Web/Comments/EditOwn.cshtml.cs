using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Comments;

/// <summary>
/// A commenter edits or deletes their own comment within the edit window, recognised by account or by
/// their commenter cookie. Anyone else, or after the window, gets 404 like a comment that does not exist.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class EditOwnModel(OwnComments own, IAntiforgery antiforgery) : PageModel
{
    public OwnComment Comment { get; private set; } = null!;
    [BindProperty] public string? Text { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found) return NotFound();
        Comment = found;
        Text = found.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found) return NotFound();
        Comment = found;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Error = "This page had been open too long to save safely. Your text is still here: press Save again.";
            return Page();
        }
        if (await own.EditAsync(found, Text, Reader.From(User), ct) is { } error)
        {
            ModelState.AddModelError(nameof(Text), error);
            return Page();
        }
        return Redirect($"/j/{found.JournalSlug}/posts/{found.PostSlug}#comment-{found.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found) return NotFound();
        Comment = found;
        Text = found.Text;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Error = "This page had been open too long to act safely. Press Delete again.";
            return Page();
        }
        await own.DeleteAsync(found, ct);
        return Redirect($"/j/{found.JournalSlug}/posts/{found.PostSlug}#comments");
    }

    private Task<OwnComment?> FindAsync(int id, CancellationToken ct) =>
        own.FindAsync(id, Reader.From(User), CommentCookies.AuthorTokenHash(Request), ct);
}
