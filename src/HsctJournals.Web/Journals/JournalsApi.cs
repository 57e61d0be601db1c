using System.Security.Claims;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>/api/v1/journals: list, read, create and change journals, all through <see cref="JournalAccess"/>.</summary>
public static class JournalsApi
{
    public const int PageSize = 50;

    public static RouteGroupBuilder MapJournalsApi(this RouteGroupBuilder api)
    {
        var journals = api.MapGroup("/journals").WithTags("Journals");
        journals.MapGet("/", ListAsync).RequireAuthorization(ApiAuth.ReaderPolicy)
            .WithName("ListJournals").WithSummary("Public journals, and the journals you belong to");
        journals.MapPost("/", CreateAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("CreateJournal").WithSummary("Start a journal (private unless you say otherwise)");
        journals.MapGet("/{journal}", GetAsync).RequireAuthorization(ApiAuth.ReaderPolicy)
            .WithName("GetJournal").WithSummary("A journal you may read");
        journals.MapPut("/{journal}", UpdateAsync).RequireAuthorization(ApiAuth.Policy)
            .RequireJournal(JournalCapability.Own, "Only the journal's owner can change its settings.")
            .WithName("UpdateJournal").WithSummary("Change a journal you own; omitted properties stay as they are");
        return api;
    }

    public static async Task<Results<Ok<PageDto<JournalDto>>, ValidationProblem>> ListAsync(
        int? page, ClaimsPrincipal user, JournalAccess access, CancellationToken ct)
    {
        if (Paging.Validate(page) is not { } number) return ApiProblems.Validation("Page", Paging.OutOfRange);
        var reader = Reader.From(user);
        var query = access.ListedJournals(reader);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(j => j.Title).ThenBy(j => j.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(JournalDto.Projection(reader.UserId)).AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(new PageDto<JournalDto>(items, number, PageSize, total));
    }

    public static async Task<Results<Ok<JournalDto>, ProblemHttpResult>> GetAsync(
        string journal, ClaimsPrincipal user, JournalAccess access, CancellationToken ct)
    {
        var dto = await FindDtoAsync(access, journal, Reader.From(user), ct);
        return dto is null ? ApiProblems.JournalNotFound() : TypedResults.Ok(dto);
    }

    public static async Task<Results<Created<JournalDto>, ValidationProblem>> CreateAsync(
        JournalRequest request, ClaimsPrincipal user, JournalEditor editor, JournalAccess access, CancellationToken ct)
    {
        var reader = Reader.From(user);
        var result = await editor.CreateAsync(reader.UserId!, request.ToNewInput(), ct);
        if (!result.Succeeded) return ApiProblems.Validation(result.Errors);
        var dto = await FindDtoAsync(access, result.Value!.Slug, reader, ct);
        return TypedResults.Created($"/api/v1/journals/{dto!.Slug}", dto);
    }

    public static async Task<Results<Ok<JournalDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string journal, JournalRequest request, JournalContext here, JournalEditor editor, JournalAccess access, CancellationToken ct)
    {
        var (owned, reader) = (here.Journal, here.Reader);
        var result = await editor.UpdateAsync(owned, request.ToChangedInput(owned), ct);
        if (!result.Succeeded) return ApiProblems.Validation(result.Errors);
        return TypedResults.Ok((await FindDtoAsync(access, owned.Slug, reader, ct))!);
    }

    private static Task<JournalDto?> FindDtoAsync(JournalAccess access, string slug, Reader reader, CancellationToken ct) =>
        access.ReadableJournals(reader).Where(j => j.Slug == slug)
            .Select(JournalDto.Projection(reader.UserId)).AsNoTracking().FirstOrDefaultAsync(ct);
}
