using System.Text;
using System.Text.Json;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// /api/v1/journals/{journal}/treatment: the course, labs, events and milestones. Reads follow
/// the sharing rule (<see cref="TreatmentAccess"/>); writes are the owner's. Someone who may not
/// see the treatment data gets the same 404 as for a journal without a course.
/// </summary>
public static class TreatmentApi
{
    private const string OwnerOnly = "Only the journal's owner can change the treatment record.";

    public static RouteGroupBuilder MapTreatmentApi(this RouteGroupBuilder api)
    {
        // Someone who may not read the journal gets the same 404 as for a journal without a course.
        var treatment = api.MapGroup("/journals/{journal}/treatment").WithTags("Treatment").RequireJournal(notFound: NotFound);
        treatment.MapGet("/", GetAsync).RequireAuthorization(ApiAuth.ReaderPolicy)
            .WithName("GetTreatmentCourse").WithSummary("The treatment course, if its owner shares it with you");
        treatment.MapPut("/", PutAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("PutTreatmentCourse").WithSummary("Create or replace the course fields, including Day 0 (owner only)");
        treatment.MapGet("/milestones", MilestonesAsync).RequireAuthorization(ApiAuth.ReaderPolicy)
            .WithName("GetTreatmentMilestones").WithSummary("Engraftment computed from the stored counts (CIBMTR) and as declared by the clinic, with day numbers");
        treatment.MapGet("/fhir", FhirAsync).RequireAuthorization(ApiAuth.ReaderPolicy)
            .Produces(StatusCodes.Status200OK, contentType: Treatment.Fhir.FhirJson.MediaType)
            .WithName("GetTreatmentFhirBundle").WithSummary("The course as a FHIR R4 Bundle (collection), if its owner shares it with you");
        treatment.MapPost("/labs", PostLabsAsync).RequireAuthorization(ApiAuth.Policy)
            .Accepts<LabRowsRequest>("application/json", "text/csv", "text/tab-separated-values", "text/plain")
            .WithName("PostTreatmentLabs")
            .WithSummary("Add lab values as text/csv (header date,analyte,value,unit[,time,note]) or JSON; ?confirm=true stores questioned values. Re-sending the same rows changes nothing.");
        treatment.MapPost("/events", PostEventAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("PostTreatmentEvent").WithSummary("Record an event or score (owner only)");
        return api;
    }

    public static async Task<Results<Ok<TreatmentCourseDto>, ProblemHttpResult>> GetAsync(
        string journal, JournalContext here, TreatmentAccess access, TreatmentQueries queries, CancellationToken ct)
    {
        var view = await access.ViewableAsync(here, ct);
        return view is null ? NotFound() : TypedResults.Ok(TreatmentCourseDto.From(await queries.LoadAsync(view, ct)));
    }

    public static async Task<Results<Ok<MilestonesDto>, ProblemHttpResult>> MilestonesAsync(
        string journal, JournalContext here, TreatmentAccess access, TreatmentQueries queries, CancellationToken ct)
    {
        var view = await access.ViewableAsync(here, ct);
        return view is null ? NotFound() : TypedResults.Ok(MilestonesDto.From(await queries.LoadAsync(view, ct)));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FhirAsync(
        string journal, JournalContext here, TreatmentAccess access, TreatmentQueries queries, Treatment.Fhir.FhirExport fhir, HttpResponse response, CancellationToken ct)
    {
        var view = await access.ViewableAsync(here, ct);
        if (view is null) return NotFound();
        response.Headers.CacheControl = "private, no-store";
        return fhir.Result(await queries.LoadAsync(view, ct), $"{journal}-treatment.fhir.json");
    }

    public static async Task<Results<Ok<TreatmentCourseDto>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string journal, TreatmentCourseRequest request, JournalContext here, TreatmentAccess access, CourseDetailsEditor editor, TreatmentQueries queries, CancellationToken ct)
    {
        var (course, problem) = await OwnedCourseAsync(here, access, ct);
        if (course is null) return problem!;
        var result = await editor.UpdateCourseAsync(course, request.ToInput(), ct);
        if (!result.Succeeded) return ApiProblems.Validation(result.Errors);
        var view = await access.ViewableAsync(here, ct);
        return TypedResults.Ok(TreatmentCourseDto.From(await queries.LoadAsync(view!, ct)));
    }

    public static async Task<Results<Ok<LabImportReportDto>, ValidationProblem, ProblemHttpResult>> PostLabsAsync(
        string journal, bool? confirm, HttpRequest http, JournalContext here, TreatmentAccess access, CourseStore store,
        LabImporter importer, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (course, problem) = await OwnedCourseAsync(here, access, ct);
        if (course is null) return problem!;
        await store.EnsureSavedAsync(course, ct);
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        LabImportReport report;
        if (mediaType is "text/csv" or "text/tab-separated-values" or "text/plain")
        {
            using var reader = new StreamReader(http.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            report = await importer.ImportCsvAsync(course.Id, reader, confirm == true, ct);
        }
        else if (mediaType is "application/json")
        {
            LabRowsRequest? body;
            try { body = await JsonSerializer.DeserializeAsync<LabRowsRequest>(http.Body, json.Value.SerializerOptions, ct); }
            catch (JsonException e) { return ApiProblems.Validation("Body", "The JSON could not be read: " + e.Message); }
            if (body?.Results is not { Count: > 0 } rows) return ApiProblems.Validation("Results", "Send at least one result: {\"results\":[{\"date\":\"2026-03-14\",\"analyte\":\"ANC\",\"value\":\"0.5\",\"unit\":\"10^9/L\"}]}.");
            report = await importer.ImportRowsAsync(course.Id, rows, confirm == true || body.Confirm, ct);
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send text/csv (header date,analyte,value,unit) or application/json.");
        }
        if (report.FileError is not null && report.Total == 0) return ApiProblems.Validation("Csv", report.FileError);
        return TypedResults.Ok(LabImportReportDto.From(report));
    }

    public static async Task<Results<Created<TreatmentEventDto>, ValidationProblem, ProblemHttpResult>> PostEventAsync(
        string journal, EventInput request, JournalContext here, TreatmentAccess access, EventRecorder editor, CancellationToken ct)
    {
        var (course, problem) = await OwnedCourseAsync(here, access, ct);
        if (course is null) return problem!;
        var result = await editor.AddEventAsync(course, request, ct);
        if (!result.Succeeded) return ApiProblems.Validation(result.Errors);
        var e = result.Value!;
        var label = course.DayZero is { } z ? Domain.Treatment.DayNumbering.Label(z, e.Date) : null;
        return TypedResults.Created($"/api/v1/journals/{journal}/treatment/events/{e.Id}",
            new TreatmentEventDto(e.Id, e.Date, label, e.Type, e.Value, e.Grade, e.Product, e.Detail, e.Note, e.EnteredAs));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no treatment record at this address, or it is not shared with you.");

    /// <summary>
    /// The course for its owner (the Own capability of the request's journal); 404 for those who may not see the
    /// data (the read-treatment rule), 403 for those who may only read it.
    /// </summary>
    private static async Task<(TreatmentCourse? Course, ProblemHttpResult? Problem)> OwnedCourseAsync(
        JournalContext here, TreatmentAccess access, CancellationToken ct)
    {
        if (await access.OwnedCourseAsync(here, create: true, ct) is { Course: { } course }) return (course, null);
        return (null, await access.ViewableAsync(here, ct) is null ? NotFound() : ApiProblems.Forbidden(OwnerOnly));
    }
}
