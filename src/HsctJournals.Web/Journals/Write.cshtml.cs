using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// The Markdown editor for new and existing posts. Preview works as a plain form post;
/// with JavaScript a live preview calls <see cref="OnPostLivePreview"/>.
/// Antiforgery is checked by hand so an expired token re-shows the form with the text kept.
/// </summary>
[Authorize, IgnoreAntiforgeryToken, JournalPage(JournalCapability.Write)]
public sealed class WriteModel(JournalContext here, JournalsDbContext db, PostEditor editor, IAntiforgery antiforgery, Treatment.Embeds.PostEmbeds embeds) : PageModel
{
    [BindProperty] public PostInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public Journal Journal { get; private set; } = null!;
    public List<Category> Categories { get; private set; } = [];
    public string? PreviewHtml { get; private set; }
    public string? Notice { get; private set; }
    public bool IsNew => CurrentSlug is null;
    public string? CurrentSlug { get; private set; }
    public string ZoneName { get; private set; } = "UTC";
    private Post? _post;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(string journal, string? slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        if (_post is not null)
        {
            Input = new PostInput
            {
                Title = _post.Title, Slug = _post.Slug, Markdown = _post.Markdown,
                Excerpt = _post.ExcerptIsCustom ? _post.Excerpt : null, CategoryId = _post.CategoryId,
                Tags = string.Join(", ", _post.Tags.OrderBy(t => t.Name).Select(t => t.Name)),
                Status = _post.Status, CommentsOpen = _post.CommentsOpen,
                PublishAt = _post.PublishedAt is { } at ? TimeZoneInfo.ConvertTimeFromUtc(at, _zone) : null,
            };
            Version = _post.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string journal, string? slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        ModelState.Clear();
        PreviewHtml = await embeds.ForReaderAsync(await editor.PreviewAsync(Journal, Input.Markdown, ct), Journal, Reader.From(User), preview: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLivePreview(string journal, [FromForm] string? markdown, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        var writable = here.Journal;
        return Content(await embeds.ForReaderAsync(await editor.PreviewAsync(writable, markdown, ct), writable, Reader.From(User), preview: true, ct), "text/html; charset=utf-8");
    }

    /// <summary>Enter in a field submits without a handler: that means Save.</summary>
    public Task<IActionResult> OnPostAsync(string journal, string? slug, CancellationToken ct) => OnPostSaveAsync(journal, slug, ct);

    public async Task<IActionResult> OnPostSaveAsync(string journal, string? slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        ModelState.Clear();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError(string.Empty, "This form had been open too long to be saved safely. Your text is still here: press Save again.");
            return Page();
        }
        if (_post is not null && _post.Version != Version)
        {
            ModelState.AddModelError(string.Empty, "Someone saved this post after you opened it. Your text is still here; copy what you need, then reload the page to see their version.");
            return Page();
        }

        var userId = Reader.From(User).UserId!;
        var result = _post is null
            ? await editor.CreateAsync(Journal, userId, Input, _zone, ct)
            : await editor.UpdateAsync(_post, Journal, userId, Input, _zone, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        return Redirect($"/j/{Journal.Slug}/posts/{result.Value!.Slug}");
    }

    private async Task<bool> LoadAsync(string journal, string? slug, CancellationToken ct)
    {
        var writable = here.Journal;
        Journal = writable;
        if (slug is not null)
        {
            _post = await db.Posts.Include(p => p.Tags).FirstOrDefaultAsync(p => p.JournalId == writable.Id && p.Slug == slug, ct);
            if (_post is null) return false;
            CurrentSlug = _post.Slug;
        }
        Categories = await db.Categories.Where(c => c.JournalId == writable.Id).OrderBy(c => c.Name).AsNoTracking().ToListAsync(ct);
        var zoneId = await db.Users.Where(u => u.Id == Reader.From(User).UserId).Select(u => u.TimeZoneId).FirstOrDefaultAsync(ct);
        _zone = TimeZones.Find(zoneId);
        ZoneName = _zone.Id;
        return true;
    }
}
