using HsctJournals.Domain.Photos;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Photos;

/// <summary>What a form post carrying photos came to: the photos stored, the refusals in words.</summary>
public sealed class PhotoFormOutcome
{
    public List<PhotoUploadResult> Added { get; } = [];
    public List<string> Refused { get; } = [];
    /// <summary>At least one file was chosen (a form with an empty file input sends none).</summary>
    public bool HadFiles { get; set; }
    /// <summary>The body was not a readable form; answer 400.</summary>
    public bool Malformed { get; set; }
    /// <summary>The antiforgery token was missing or stale: no file was stored.</summary>
    public bool Forged { get; set; }

    /// <summary>Markdown references for the photos stored, one paragraph each, in upload order.</summary>
    public IEnumerable<string> References => Added.Select(r => PhotoReference.Markdown(r.Photo!.Id, r.Photo.AltText));
}

/// <summary>
/// Reads a form post that carries photos (the post editor, the Photos page) as it arrives and stores
/// each file through <see cref="PhotoUpload"/> while its bytes stream in: nothing is buffered first,
/// and a file over the size limit ends the reading at once (files before it are kept). The form's
/// text fields must come before the files — both forms put the photo inputs last and the
/// antiforgery token first — so the text is always kept. Alt text, "decorative" and caption apply
/// to every file of the post.
/// </summary>
public sealed class PhotoFormUpload(PhotoUpload upload, IAntiforgery antiforgery, IOptions<PhotoOptions> options)
{
    public const string FilesField = "files";
    public const string AltField = "AltText";
    public const string DecorativeField = "Decorative";
    public const string CaptionField = "Caption";

    /// <summary>Reads the request's form (the antiforgery token is checked before the first file unless <paramref name="checkAntiforgery"/> is false); files are stored in <paramref name="journal"/>, or skipped unread when it is null.</summary>
    public async Task<PhotoFormOutcome> ReadAsync(HttpContext http, Journal? journal, CancellationToken ct, bool checkAntiforgery = true)
    {
        var outcome = new PhotoFormOutcome();
        var limits = options.Value;
        var files = 0;
        var checkedToken = !checkAntiforgery; // API calls carry a bearer token, not a cookie: nothing to forge
        var end = await StreamedForm.ReadAsync(http, async file =>
        {
            // An empty file input still sends a part, with no name and no bytes.
            if (file.FieldName != FilesField || journal is null || file.FileName.Length == 0) return true;
            outcome.HadFiles = true;
            if (!checkedToken)
            {
                checkedToken = true;
                http.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(file.Fields));
                if (!await antiforgery.IsRequestValidAsync(http)) { outcome.Forged = true; return false; }
            }
            if (++files > limits.MaxFilesPerUpload)
            {
                outcome.Refused.Add($"Send at most {limits.MaxFilesPerUpload} photos at a time; “{PhotoText.SafeFileName(file.FileName)}” and any after it were not added.");
                return false;
            }
            var alt = file.Fields[AltField].ToString();
            var decorative = file.Fields[DecorativeField].Any(v => v == "true");
            var caption = file.Fields[CaptionField].ToString();
            var result = await upload.UploadAsync(new PhotoUploadRequest(journal, Reader.From(http.User).UserId, file.Body, file.FileName, file.ContentType,
                alt, decorative, caption), ct);
            if (result.Succeeded) { outcome.Added.Add(result); return true; }
            if (result.Problem == PhotoProblem.TooLarge)
            {
                // Stop here: the rest of this file (and any after it) is never read.
                outcome.Refused.Add(result.Message + " Photos after it in the same upload were not read; add them again.");
                return false;
            }
            outcome.Refused.Add(result.Message!);
            // Alt text and caption are the same for every file: one message is enough.
            return result.Problem != PhotoProblem.Invalid;
        }, ct);
        outcome.Malformed = end == StreamedFormEnd.Malformed;
        return outcome;
    }
}
