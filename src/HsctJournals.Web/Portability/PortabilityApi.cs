using System.Security.Claims;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Portability;

/// <summary>An import job as the API shows it.</summary>
public sealed record ImportJobDto(Guid Id, string Status, string FileName, DateTime CreatedAt, DateTime? FinishedAt, ImportProgress? Progress, ImportReport? Report, string Url);

/// <summary>/api/v1/journals/{journal}/…: WordPress import (upload, job status) and export, for the journal's owners.</summary>
public static class PortabilityApi
{
    public static RouteGroupBuilder MapPortabilityApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/journals/{journal}").WithTags("Import and export");
        group.MapGet("/export/wordpress", ExportEndpoints.WordPressAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("ExportWordPress").WithSummary("The journal as a WordPress WXR 1.2 file (owners only; includes commenters' e-mail addresses)")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml").Produces(StatusCodes.Status404NotFound);
        group.MapGet("/export/backup", ExportEndpoints.BackupAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("ExportBackup").WithSummary("The whole journal as a backup zip: journal.json, Markdown, photos, static HTML (owners only; includes e-mail addresses)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").Produces(StatusCodes.Status404NotFound);
        api.MapPost("/journals/restore", RestoreAsync).RequireAuthorization(ApiAuth.Policy).DisableAntiforgery().WithTags("Import and export")
            .WithMetadata(FileLimits()).WithName("RestoreBackup").WithSummary("Restore a backup zip (multipart field \"file\", optional \"title\" and \"slug\") as a new journal you own; the restore runs in the background");
        api.MapGet("/journals/restore/{id:guid}", RestoreStatusAsync).RequireAuthorization(ApiAuth.Policy).WithTags("Import and export")
            .WithName("GetRestore").WithSummary("A restore's status, progress and report (the new journal's slug once it succeeded); only for the person who asked for it");
        api.MapGet("/me/personal-data", PersonalDataAsync).RequireAuthorization(ApiAuth.Policy).WithTags("Import and export")
            .WithName("ExportPersonalData").WithSummary("Everything the site holds about you, as a zip of JSON files (GDPR Art. 15/20)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        group.MapPost("/imports", UploadAsync).RequireAuthorization(ApiAuth.Policy).DisableAntiforgery()
            .WithMetadata(FileLimits()).WithName("ImportWordPress").WithSummary("Upload a WordPress export (multipart field \"file\"); the import runs in the background");
        group.MapPost("/imports/photos", UploadPhotosAsync).RequireAuthorization(ApiAuth.Policy).DisableAntiforgery()
            .WithMetadata(FileLimits()).WithName("ImportWordPressPhotos").WithSummary("Upload a zip of the old site's wp-content/uploads folder (multipart field \"file\"); imported posts' images become photos, in the background");
        group.MapGet("/imports/{id:guid}", StatusAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("GetImport").WithSummary("An import's status, progress and report");
        return api;
    }

    /// <summary>Uploads of whole exports and backups: what the server reads at most (the configured limit, checked below it, names the size in its message).</summary>
    private static object[] FileLimits() =>
    [
        new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportUpload.HardLimitBytes),
        new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = ImportUpload.HardLimitBytes },
    ];

    public static Task<Results<Accepted<ImportJobDto>, NotFound, ValidationProblem>> UploadAsync(
        string journal, IFormFile? file, ClaimsPrincipal user, Journals.JournalContext here, JournalsDbContext db, ImportQueue queue, CancellationToken ct) =>
        EnqueueAsync(journal, file, ImportUpload.Check(file?.FileName, file?.Length, queue.MaxBytes), user, here, db, queue, ct);

    public static Task<Results<Accepted<ImportJobDto>, NotFound, ValidationProblem>> UploadPhotosAsync(
        string journal, IFormFile? file, ClaimsPrincipal user, Journals.JournalContext here, JournalsDbContext db, ImportQueue queue, CancellationToken ct) =>
        EnqueueAsync(journal, file, ImportUpload.CheckArchive(file?.FileName, file?.Length, queue.MaxArchiveBytes), user, here, db, queue, ct);

    private static async Task<Results<Accepted<ImportJobDto>, NotFound, ValidationProblem>> EnqueueAsync(
        string journal, IFormFile? file, string? error, ClaimsPrincipal user, Journals.JournalContext here, JournalsDbContext db, ImportQueue queue, CancellationToken ct)
    {
        var reader = Reader.From(user);
        if (!await here.ResolveAsync(journal, reader, ct) || !here.IsOwner) return TypedResults.NotFound();
        var owned = here.Journal;
        if (error is not null) return ApiProblems.Validation("file", error);
        await using var stream = file!.OpenReadStream();
        var job = await queue.EnqueueAsync(db, owned.Id, reader.UserId!, file.FileName, stream, ct);
        var dto = Dto(job, owned.Slug, queue);
        return TypedResults.Accepted(dto.Url, dto);
    }

    public static async Task<Results<Ok<ImportJobDto>, NotFound>> StatusAsync(
        string journal, Guid id, ClaimsPrincipal user, Journals.JournalContext here, JournalsDbContext db, ImportQueue queue, CancellationToken ct)
    {
        if (!await here.ResolveAsync(journal, Reader.From(user), ct) || !here.IsOwner) return TypedResults.NotFound();
        var owned = here.Journal;
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.JournalId == owned.Id && j.Kind != ImportJobKind.Restore, ct);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(job, owned.Slug, queue));
    }

    public static async Task<Results<Accepted<ImportJobDto>, ValidationProblem>> RestoreAsync(
        IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? title, [Microsoft.AspNetCore.Mvc.FromForm] string? slug, ClaimsPrincipal user,
        Backup.BackupUploads uploads, ImportQueue queue, CancellationToken ct)
    {
        var request = await uploads.EnqueueAsync(file?.FileName, file?.Length, () => file!.OpenReadStream(), Reader.From(user).UserId!, title, slug, ct);
        if (!request.Queued)
            return ApiProblems.Validation(request.Errors.ToDictionary(e => e.Key is "Title" or "Slug" ? e.Key.ToLowerInvariant() : "file", e => e.Value));
        var dto = RestoreDto(request.Job!, queue);
        return TypedResults.Accepted(dto.Url, dto);
    }

    public static async Task<Results<Ok<ImportJobDto>, NotFound>> RestoreStatusAsync(Guid id, ClaimsPrincipal user, JournalsDbContext db, ImportQueue queue, CancellationToken ct)
    {
        var userId = Reader.From(user).UserId;
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Kind == ImportJobKind.Restore && j.RequestedById == userId, ct);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(RestoreDto(job, queue));
    }

    public static async Task<FileContentHttpResult> PersonalDataAsync(ClaimsPrincipal user, PersonalData.PersonalDataExport export, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await export.CreateAsync(Reader.From(user).UserId!, ct), "application/zip", PersonalData.PersonalDataExport.FileName(clock.GetUtcNow().UtcDateTime));

    private static ImportJobDto Dto(ImportJob job, string slug, ImportQueue queue) => Dto(job, queue, $"/api/v1/journals/{slug}/imports/{job.Id:N}");

    private static ImportJobDto RestoreDto(ImportJob job, ImportQueue queue) => Dto(job, queue, $"/api/v1/journals/restore/{job.Id:N}");

    private static ImportJobDto Dto(ImportJob job, ImportQueue queue, string url)
    {
        var view = ImportJobView.Of(job, queue);
        return new(job.Id, job.Status.ToString(), job.FileName, job.CreatedAt, job.FinishedAt, view.Progress, view.Report, url);
    }
}
