using System.Security.Claims;
using HsctJournals.Domain.Text;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>/api/v1/journals/{journal}/posts: read, write and delete posts, all through <see cref="JournalAccess"/>.</summary>
public static class PostsApi
{
    public const int PageSize = 20;
    private const string WritersOnly = "Only the journal's owner and co-authors can write posts.";

    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/journals/{journal}/posts").WithTags("Posts");
        posts.MapGet("/", ListAsync).RequireAuthorization(ApiAuth.ReaderPolicy).RequireJournal()
            .WithName("ListPosts").WithQueryValues("status", "live", "all")
            .WithSummary("Published posts, newest first; status=all adds drafts and scheduled posts for the journal's writers");
        posts.MapPost("/", CreateAsync).RequireAuthorization(ApiAuth.Policy).RequireJournal(JournalCapability.Write, WritersOnly)
            .WithName("CreatePost").WithSummary("Write a post (owners and co-authors)");
        posts.MapGet("/{post}", GetAsync).RequireAuthorization(ApiAuth.ReaderPolicy).RequireJournal()
            .WithName("GetPost").WithSummary("A post you may read; the ETag header carries its version");
        posts.MapPut("/{post}", UpdateAsync).RequireAuthorization(ApiAuth.Policy).RequireJournal(JournalCapability.Write, WritersOnly)
            .WithName("UpdatePost").ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Change a post; omitted properties stay as they are. Send If-Match with the version you read to avoid overwriting a newer change.");
        posts.MapDelete("/{post}", DeleteAsync).RequireAuthorization(ApiAuth.Policy).RequireJournal(JournalCapability.Write, WritersOnly)
            .WithName("DeletePost").WithSummary("Delete a post (owners and co-authors)");
        return api;
    }

    public static async Task<Results<Ok<PageDto<PostSummaryDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string journal, int? page, string? status, JournalContext here, JournalAccess access, DayLabels dayLabels, CancellationToken ct)
    {
        if (Paging.Validate(page) is not { } number) return ApiProblems.Validation("Page", Paging.OutOfRange);
        var all = string.Equals(status, "all", StringComparison.OrdinalIgnoreCase);
        if (!all && status is not null && !string.Equals(status, "live", StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Validation("Status", "Use status=live (the default) or status=all.");

        // ReadablePostsOf adds drafts only for the journal's writers: the access rule decides, not this endpoint.
        var query = all ? access.ReadablePostsOf(here) : access.LivePostsOf(here);
        var total = await query.CountAsync(ct);
        var summaries = await PostQueries.Project(query.OrderByDescending(p => p.PublishedAt ?? p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        var labelled = await dayLabels.LabelAsync(summaries, ct);
        return TypedResults.Ok(new PageDto<PostSummaryDto>(labelled.Select(PostSummaryDto.From).ToList(), number, PageSize, total));
    }

    public static async Task<Results<Ok<PostDto>, ProblemHttpResult>> GetAsync(
        string journal, string post, JournalContext here, HttpResponse response, JournalAccess access, DayLabels dayLabels, CancellationToken ct)
    {
        var dto = await LoadAsync(access, dayLabels, here, post, ct);
        if (dto is null) return ApiProblems.PostNotFound();
        response.Headers.ETag = ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<Created<PostDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string journal, PostRequest request, JournalContext here, HttpResponse response,
        JournalAccess access, PostEditor editor, JournalsDbContext db, DayLabels dayLabels, CancellationToken ct)
    {
        var (writable, reader) = (here.Journal, here.Reader);

        var zone = await UserTimeZone.FindAsync(db, reader.UserId!, ct);
        var input = request.ToNewInput(zone, out var publishAtError);
        if (publishAtError is not null) return ApiProblems.Validation("PublishAt", publishAtError);
        var result = await editor.CreateAsync(writable, reader.UserId!, input, zone, ct);
        if (!result.Succeeded) return ApiProblems.Validation(RenameFields(result.Errors));

        var dto = (await LoadAsync(access, dayLabels, here, result.Value!.Slug, ct))!;
        response.Headers.ETag = ETag(dto.Version);
        return TypedResults.Created($"/api/v1/journals/{writable.Slug}/posts/{dto.Slug}", dto);
    }

    public static async Task<Results<Ok<PostDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string journal, string post, PostRequest request, JournalContext here, HttpRequest http, HttpResponse response,
        JournalAccess access, PostEditor editor, JournalsDbContext db, DayLabels dayLabels, TimeProvider clock, CancellationToken ct)
    {
        var (writable, reader) = (here.Journal, here.Reader);
        var entity = await db.Posts.Include(p => p.Tags).Include(p => p.Category)
            .FirstOrDefaultAsync(p => p.JournalId == writable.Id && p.Slug == post, ct);
        if (entity is null) return ApiProblems.PostNotFound();

        var expected = ExpectedVersion(http) ?? request.Version;
        if (expected is { } version && version != entity.Version) return Conflict(entity.Version);

        var zone = await UserTimeZone.FindAsync(db, reader.UserId!, ct);
        var input = request.ToChangedInput(entity, zone, clock.GetUtcNow().UtcDateTime, out var publishAtError);
        if (publishAtError is not null) return ApiProblems.Validation("PublishAt", publishAtError);
        try
        {
            var result = await editor.UpdateAsync(entity, writable, reader.UserId!, input, zone, ct);
            if (!result.Succeeded) return ApiProblems.Validation(RenameFields(result.Errors));
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write; the version column caught it.
            return Conflict(null);
        }

        var dto = (await LoadAsync(access, dayLabels, here, entity.Slug, ct))!;
        response.Headers.ETag = ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string journal, string post, JournalContext here, PostEditor editor, JournalsDbContext db, CancellationToken ct)
    {
        var entity = await db.Posts.FirstOrDefaultAsync(p => p.JournalId == here.Journal.Id && p.Slug == post, ct);
        if (entity is null) return ApiProblems.PostNotFound();
        await editor.DeleteAsync(entity, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A post the reader may open, as a DTO; the Markdown source only for the journal's writers.</summary>
    private static async Task<PostDto?> LoadAsync(JournalAccess access, DayLabels dayLabels, JournalContext here, string post, CancellationToken ct)
    {
        var query = access.ReadablePostsOf(here).Where(p => p.Slug == post);
        var detail = await query.AsNoTracking().Select(p => new
        {
            p.JournalId, p.CreatedAt, p.UpdatedAt, p.Html, p.Markdown, p.CommentsOpen, p.Version,
            Tags = p.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
        }).FirstOrDefaultAsync(ct);
        if (detail is null) return null;
        var summary = (await dayLabels.LabelAsync(await PostQueries.Project(query).ToListAsync(ct), ct))[0];
        var isWriter = here.CanWrite;
        return new PostDto(
            summary.Id, summary.Slug, summary.Title, summary.JournalSlug, summary.AuthorName, summary.Status, summary.PublishedAt,
            // The API body is the same for every token holder: embedded treatment data is left out (it has its own endpoints).
            detail.CreatedAt, detail.UpdatedAt, summary.CategoryName, detail.Tags, summary.Excerpt, EmbedShortcodes.Strip(detail.Html),
            isWriter ? detail.Markdown : null, detail.CommentsOpen, summary.CommentCount, summary.DayLabel, detail.Version, summary.Url);
    }

    /// <summary>The editor names the category inputs after the form's fields; the API has one "category".</summary>
    private static Dictionary<string, string[]> RenameFields(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => e.Key is nameof(PostInput.NewCategory) or nameof(PostInput.CategoryId) ? "Category" : e.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());

    private static string ETag(int version) => $"\"{version}\"";

    /// <summary>The version in If-Match ("3", W/"3"); null when absent or "*"; -1 when unreadable, which never matches.</summary>
    private static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return int.TryParse(header.Trim('"'), out var version) ? version : -1;
    }

    private static ProblemHttpResult Conflict(int? current) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The post has changed",
            detail: "Someone saved this post after you read it" + (current is { } v ? $" (it is now version {v})" : "") +
                    ". Fetch it again, reapply your change and send it with the new version.");
}
