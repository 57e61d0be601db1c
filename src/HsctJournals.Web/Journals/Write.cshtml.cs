using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Domain.Photos;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// The Markdown editor for new and existing posts. Preview works as a plain form post;
/// with JavaScript a live preview calls <see cref="OnPostLivePreview"/>.
/// Antiforgery is checked by hand so an expired token re-shows the form with the text kept.
/// Photos chosen in the form are uploaded whichever button is pressed, as the body streams in
/// (<see cref="IEditorUploads"/>: Photos reads the form and stores them), and their references added to the end
/// of the text; with JavaScript they go one by one to <see cref="OnPostPhotoAsync"/> and are inserted at the cursor.
/// </summary>
[Authorize, IgnoreAntiforgeryToken, JournalPage(JournalCapability.Write)]
public sealed class WriteModel(JournalContext here, JournalsDbContext db, PostEditor editor, IAntiforgery antiforgery, IPostEmbeds embeds,
    IEditorUploads uploads) : PageModel
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
    /// <summary>Photos added and refused by this post of the form, for the page to list.</summary>
    public EditorUploadOutcome? Photos => _photos ??= uploads.Read(HttpContext);
    /// <summary>The partial with the form's photo fields and the script that enhances them.</summary>
    public IEditorUploads Uploads => uploads;
    private EditorUploadOutcome? _photos;
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

    /// <summary>The "Add photos" button without JavaScript: upload, add the references to the text, show the form again.</summary>
    public async Task<IActionResult> OnPostUploadAsync(string journal, string? slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        if (Photos is { Malformed: true }) return BadRequest();
        if (Photos is null || !Photos.HadFiles) ModelState.AddModelError("photo-files", "Choose one or more photos first.");
        else ApplyPhotos();
        return Page();
    }

    /// <summary>With JavaScript: the photos of one drop, paste or choice, answered as JSON for the script to insert at the cursor.</summary>
    public async Task<IActionResult> OnPostPhotoAsync(string journal, string? slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        if (Photos is null || Photos.Malformed) return BadRequest();
        var refused = Photos.Forged ? ["This page had been open too long to add photos safely. Copy your text, reload the page and try again."]
            : !Photos.HadFiles ? ["Choose one or more photos first."] : Photos.Refused;
        var added = Photos.Added.Select(r => new
        {
            id = r.Id, fileName = r.FileName, markdown = r.Markdown, alreadyThere = r.AlreadyThere,
        }).ToList();
        return new JsonResult(new { added, refused }) { StatusCode = added.Count == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK };
    }

    public async Task<IActionResult> OnPostPreviewAsync(string journal, string? slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        if (Photos is { Malformed: true }) return BadRequest();
        ApplyPhotos();
        PreviewHtml = await embeds.ForReaderAsync(await editor.PreviewAsync(Journal, Input.Markdown, ct), Journal, Reader.From(User), preview: true, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLivePreview(string journal, [FromForm] string? markdown, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        var writable = here.Journal;
        return Content(await embeds.ForReaderAsync(await editor.PreviewAsync(writable, markdown, ct), writable, Reader.From(User), preview: true, ct: ct), "text/html; charset=utf-8");
    }

    /// <summary>Enter in a field submits without a handler: that means Save.</summary>
    public Task<IActionResult> OnPostAsync(string journal, string? slug, CancellationToken ct) => OnPostSaveAsync(journal, slug, ct);

    public async Task<IActionResult> OnPostSaveAsync(string journal, string? slug, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        if (Photos is { Malformed: true }) return BadRequest();
        // Photos chosen with Save are added first; if any was refused the post is not saved, so the writer sees why.
        if (!ApplyPhotos()) return Page();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError(string.Empty, "This form had been open too long to be saved safely. Your text is still here: press Save again.");
            return Page();
        }
        // A date, category or version that did not bind is listed above the form, not saved as empty.
        if (!ModelState.IsValid) return Page();
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

    /// <summary>Adds the uploaded photos' references to the text and their refusals to the form's errors; false when any was refused.</summary>
    private bool ApplyPhotos()
    {
        if (Photos is null || !Photos.HadFiles) return true;
        if (Photos.Forged)
        {
            ModelState.AddModelError("photo-files", "This form had been open too long to add photos safely. Your text is still here: choose the photos again.");
            return false;
        }
        Input.Markdown = PhotoReference.AppendTo(Input.Markdown, Photos.References);
        // The text field shows the text with the photos' lines, not the text as posted.
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Markdown)}");
        if (Photos.Added.Count > 0)
            Notice = $"Added {Photos.Added.Count} photo{(Photos.Added.Count == 1 ? "" : "s")} to the end of your text ({string.Join(", ", Photos.Added.Select(r => r.FileName))}). Move the lines where you want them; the post is saved only when you press Save.";
        foreach (var message in Photos.Refused) ModelState.AddModelError("photo-files", message);
        return Photos.Refused.Count == 0;
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
        _zone = await UserTimeZone.FindAsync(db, Reader.From(User).UserId!, ct);
        ZoneName = _zone.Id;
        return true;
    }
}
