using HsctJournals.Domain.Photos;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HsctJournals.Web.Photos;

/// <summary>A photo as the API shows it to the journal's writers.</summary>
public sealed record PhotoDto(int Id, string FileName, string AltText, bool Decorative, string? Caption, int Width, int Height,
    long StoredBytes, bool WasAnimated, DateTime UploadedAt, string Markdown, IReadOnlyList<PhotoVariantDto> Variants, IReadOnlyList<PhotoPostDto> Posts)
{
    public static PhotoDto From(PhotoListing listing)
    {
        var p = listing.Photo;
        return new PhotoDto(p.Id, p.FileName, p.AltText, p.IsDecorative, p.Caption, p.Width, p.Height, p.StoredBytes, p.WasAnimated, p.UploadedAt,
            PhotoReference.Markdown(p.Id, p.AltText),
            p.Variants.OrderBy(v => v.Format).ThenBy(v => v.Width).Select(v => new PhotoVariantDto(v.Width, v.Height, v.ContentType, v.Url)).ToList(),
            listing.Posts.Select(l => new PhotoPostDto(l.Slug, l.Title, l.Status.ToString())).ToList());
    }
}

/// <summary>One display size of a photo; <see cref="Url"/> is relative to the site and names the bytes.</summary>
public sealed record PhotoVariantDto(int Width, int Height, string ContentType, string Url);

/// <summary>A post that shows the photo.</summary>
public sealed record PhotoPostDto(string Slug, string Title, string Status);

/// <summary>Changes to a photo's description; all three are set (omitted alt text or caption means empty).</summary>
public sealed record PhotoDescriptionRequest(string? AltText, bool Decorative, string? Caption);

/// <summary>The photos stored by an upload, and the files refused (with why).</summary>
public sealed record PhotoUploadDto(IReadOnlyList<PhotoDto> Added, IReadOnlyList<string> Refused);

/// <summary>
/// /api/v1/journals/{journal}/photos, for the journal's owner and co-authors only (the same rule as the
/// Photos page; everyone else gets 404 or 403 like the posts API). Uploads go through the same streamed
/// reader as the forms (<see cref="PhotoFormUpload"/>).
/// </summary>
public static class PhotosApi
{
    private const string WritersOnly = "Only the journal's owner and co-authors can manage its photos.";

    public static RouteGroupBuilder MapPhotosApi(this RouteGroupBuilder api)
    {
        var photos = api.MapGroup("/journals/{journal}/photos").WithTags("Photos")
            .RequireAuthorization(ApiAuth.Policy).RequireJournal(JournalCapability.Write, WritersOnly);
        photos.MapGet("/", ListAsync).WithName("ListPhotos").WithSummary("The journal's photos, newest first, with their variants and the posts that show them");
        photos.MapPost("/", UploadAsync).WithName("UploadPhotos")
            .WithMetadata(new MultipartReadByPageAttribute(), new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PhotoForms.MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload photos as multipart/form-data: the fields AltText (or Decorative=true) and optional Caption first, then one or more files named \"files\". Each file is checked and stored as it arrives; a file over the size limit ends the upload.");
        photos.MapGet("/{id:int}", GetAsync).WithName("GetPhoto").WithSummary("One photo's metadata");
        photos.MapPut("/{id:int}", DescribeAsync).WithName("DescribePhoto").WithSummary("Change a photo's alt text, decorative flag and caption; posts that show it are rendered again");
        photos.MapDelete("/{id:int}", DeleteAsync).WithName("DeletePhoto").WithSummary("Delete a photo; posts that showed it are rendered again without it");
        return api;
    }

    public static async Task<Ok<List<PhotoDto>>> ListAsync(string journal, JournalContext here, PhotoLibrary library, CancellationToken ct) =>
        TypedResults.Ok((await library.ListAsync(here.Journal.Id, ct)).Select(PhotoDto.From).ToList());

    public static async Task<Results<Ok<PhotoDto>, ProblemHttpResult>> GetAsync(string journal, int id, JournalContext here, PhotoLibrary library, CancellationToken ct) =>
        await library.FindAsync(here.Journal.Id, id, ct) is { } found ? TypedResults.Ok(PhotoDto.From(found)) : NotFound();

    public static async Task<Results<Created<PhotoUploadDto>, ValidationProblem>> UploadAsync(
        string journal, HttpContext http, JournalContext here, PhotoFormUpload upload, PhotoLibrary library, CancellationToken ct)
    {
        if (!StreamedForm.IsMultipart(http.Request))
            return ApiProblems.Validation("files", "Send the photos as multipart/form-data.");
        var outcome = await upload.ReadAsync(http, here.Journal, ct, checkAntiforgery: false);
        if (outcome.Malformed) return ApiProblems.Validation("files", "The body is not a well-formed multipart form.");
        if (!outcome.HadFiles) return ApiProblems.Validation("files", "Send one or more files in the field \"files\".");
        if (outcome.Added.Count == 0) return ApiProblems.Validation("files", string.Join(" ", outcome.Refused));
        var added = new List<PhotoDto>();
        foreach (var result in outcome.Added)
            if (await library.FindAsync(here.Journal.Id, result.Photo!.Id, ct) is { } listing) added.Add(PhotoDto.From(listing));
        return TypedResults.Created($"/api/v1/journals/{here.Journal.Slug}/photos", new PhotoUploadDto(added, outcome.Refused));
    }

    public static async Task<Results<Ok<PhotoDto>, ValidationProblem, ProblemHttpResult>> DescribeAsync(
        string journal, int id, PhotoDescriptionRequest request, JournalContext here, PhotoLibrary library, CancellationToken ct)
    {
        var result = await library.DescribeAsync(here.Journal.Id, id, request.AltText, request.Decorative, request.Caption, ct);
        if (!result.Succeeded)
            return result.Errors.ContainsKey("Photo") ? NotFound() : ApiProblems.Validation(result.Errors);
        return TypedResults.Ok(PhotoDto.From((await library.FindAsync(here.Journal.Id, id, ct))!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string journal, int id, JournalContext here, PhotoLibrary library, CancellationToken ct) =>
        await library.DeleteAsync(here.Journal.Id, id, ct) ? TypedResults.NoContent() : NotFound();

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such photo in this journal.");
}
