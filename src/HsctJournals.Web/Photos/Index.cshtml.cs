using HsctJournals.Domain.Photos;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Photos;

/// <summary>
/// A journal's photos, for its writers: upload (several files at once, no JavaScript needed),
/// every photo with its thumbnail, alt text, caption, size and the posts that show it, and forms
/// to describe or delete each. Others get 404.
/// Antiforgery is checked by hand (before the first photo is stored, and in each other handler), because the
/// framework's automatic check would read the whole body before the page could stream it.
/// </summary>
[Authorize, JournalPage(JournalCapability.Write), IgnoreAntiforgeryToken]
[PhotoForm, RequestSizeLimit(PhotoForms.MaxRequestBytes)]
public sealed class PhotosIndexModel(JournalContext here, PhotoLibrary library, IOptions<PhotoOptions> options, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : PageModel
{

    public Journal Journal { get; private set; } = null!;
    public IReadOnlyList<PhotoListing> Photos { get; private set; } = [];
    public long UsedBytes { get; private set; }
    public PhotoOptions Limits => options.Value;
    public List<string> Uploaded { get; } = [];
    public List<string> Refused { get; } = [];
    public string? Notice { get; private set; }

    [BindProperty] public string? AltText { get; set; }
    [BindProperty] public bool Decorative { get; set; }
    [BindProperty] public string? Caption { get; set; }

    public async Task<IActionResult> OnGetAsync(string journal, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        Notice = done switch { "deleted" => "The photo was deleted.", "described" => "The photo's description was saved.", _ => null };
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var upload = PhotoFormAttribute.Outcome(HttpContext);
        if (upload is { Malformed: true }) return BadRequest();
        if (upload is null || !upload.HadFiles) Refused.Add("Choose one or more photos first.");
        else if (upload.Forged) Refused.Add("This form had been open too long to add photos safely. Choose the photos again.");
        else
        {
            Uploaded.AddRange(upload.Added.Select(r => r.Photo!.FileName + (r.AlreadyThere ? " (already in this journal)" : "")));
            Refused.AddRange(upload.Refused);
        }
        await LoadAsync(journal, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDescribeAsync(string journal, int photoId, string? photoAlt, bool photoDecorative, string? photoCaption, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Refused.Add("This form had been open too long to be saved safely. Type the description again and save.");
            return Page();
        }
        var result = await library.DescribeAsync(Journal.Id, photoId, photoAlt, photoDecorative, photoCaption, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/photos?done=described#photo-{photoId}");
        Refused.AddRange(result.Errors.SelectMany(e => e.Value));
        return Page();
    }

    private async Task<bool> LoadAsync(string journal, CancellationToken ct)
    {
        var writable = here.CanWrite ? here.Journal : null;
        if (writable is null) return false;
        Journal = writable;
        Photos = await library.ListAsync(writable.Id, ct);
        UsedBytes = await library.UsedBytesAsync(writable.Id, ct);
        return true;
    }
}

/// <summary>Limits shared by the forms that carry photos.</summary>
public static class PhotoForms
{
    /// <summary>Ten files at the 25 MB default, plus the rest of the form.</summary>
    public const long MaxRequestBytes = 260L * 1024 * 1024;
}
