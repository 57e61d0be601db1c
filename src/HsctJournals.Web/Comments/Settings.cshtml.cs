using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Comments;

/// <summary>The owner's comment policy: who may comment, what is held, word lists, closing, threading, e-mails.</summary>
[Authorize, IgnoreAntiforgeryToken, JournalPage(JournalCapability.Own)]
public sealed class CommentSettingsModel(JournalContext here, JournalsDbContext db, IAntiforgery antiforgery, Caching.PageCacheEviction cache) : PageModel
{
    [BindProperty] public CommentSettingsInput Input { get; set; } = new();
    public Journal Journal { get; private set; } = null!;
    public bool Saved { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, bool saved, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        Saved = saved;
        Input = CommentSettingsInput.From(owned.Comments);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        // Numbers that are not numbers are reported by binding; phrase those messages for people, and keep the
        // entries, so each field shows back what was typed.
        foreach (var entry in ModelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add("Please enter a whole number.");
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Error = "This page had been open too long to save safely. Your choices are still here: press Save again.";
            return Page();
        }
        foreach (var (field, message) in Input.Validate()) ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid) return Page();
        Input.ApplyTo(owned.Comments);
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(owned.Id, ct); // open/closed forms, order, depth: every post page shows them
        return Redirect($"/j/{owned.Slug}/settings/comments?saved=true");
    }
}
