using System.Globalization;
using System.Security.Claims;
using HsctJournals.Domain.Comments;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>
/// /api/v1 comment endpoints: the approved thread of a post, posting (through <see cref="CommentService"/>, the
/// same rules as the form; anonymous when the journal allows it) and moderation for owners, co-authors and moderators.
/// </summary>
public static class CommentsApi
{
    private const string ModeratorsOnly = "Only the journal's owners, co-authors and moderators can moderate comments.";

    public static RouteGroupBuilder MapCommentsApi(this RouteGroupBuilder api)
    {
        var thread = api.MapGroup("/journals/{journal}/posts/{post}/comments").WithTags("Comments").RequireJournal();
        thread.MapGet("/", ThreadAsync).RequireAuthorization(ApiAuth.ReaderPolicy)
            .WithName("ListComments").WithSummary("The approved comments of a post, nested, 50 top-level threads a page");
        thread.MapPost("/", PostAsync).RequireAuthorization(ApiAuth.ReaderPolicy)
            .WithName("PostComment").ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("Post a comment or reply; anonymous (with name and email) when the journal allows it");

        var moderation = api.MapGroup("/journals/{journal}/comments").WithTags("Comment moderation").RequireAuthorization(ApiAuth.Policy)
            .RequireJournal(JournalCapability.Moderate, ModeratorsOnly);
        moderation.MapGet("/", QueueAsync).WithName("ModerationQueue").WithQueryValues("status", "pending", "approved", "spam", "trash").WithSummary("Comments by status (pending by default), newest first");
        moderation.MapPost("/{id:int}/approve", (string journal, int id, JournalContext here, CommentModerator moderator, JournalsDbContext db, CancellationToken ct) =>
            ActAsync(id, ModerationAction.Approve, here, moderator, db, ct)).WithName("ApproveComment").WithSummary("Approve a comment");
        moderation.MapPost("/{id:int}/spam", (string journal, int id, JournalContext here, CommentModerator moderator, JournalsDbContext db, CancellationToken ct) =>
            ActAsync(id, ModerationAction.Spam, here, moderator, db, ct)).WithName("SpamComment").WithSummary("Mark a comment as spam");
        moderation.MapPost("/{id:int}/trash", (string journal, int id, JournalContext here, CommentModerator moderator, JournalsDbContext db, CancellationToken ct) =>
            ActAsync(id, ModerationAction.Trash, here, moderator, db, ct)).WithName("TrashComment").WithSummary("Move a comment to the trash");
        moderation.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteComment").WithSummary("Delete a comment for ever (its replies move up a level)");
        return api;
    }

    public static async Task<Results<Ok<CommentThreadDto>, ValidationProblem, ProblemHttpResult>> ThreadAsync(
        string journal, string post, int? page, JournalContext here, JournalAccess access, CommentThreads threads, CancellationToken ct)
    {
        if (Paging.Validate(page) is not { } number) return ApiProblems.Validation("Page", Paging.OutOfRange);
        var found = await access.ReadablePostsOf(here).Where(p => p.Slug == post)
            .Select(p => new { p.Id, p.CommentCount, p.CommentsStamp }).FirstOrDefaultAsync(ct);
        if (found is null) return ApiProblems.PostNotFound();
        var (shown, count) = await threads.ApprovedPageAsync(here.Journal, found.Id, found.CommentCount, found.CommentsStamp, page is null ? null : number, ct);
        return TypedResults.Ok(new CommentThreadDto(shown.Threads.Select(CommentDto.From).ToList(), shown.Number, shown.PageCount, shown.TotalThreads, count));
    }

    public static async Task<Results<Created<CommentPostedDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        string journal, string post, PostCommentRequest request, JournalContext here, HttpContext http, CommentService comments, CancellationToken ct)
    {
        var outcome = await comments.PostAsync(here, new CommentSubmission
        {
            PostSlug = post,
            Text = request.Text, AuthorName = request.Name, AuthorEmail = request.Email, Website = request.Website,
            ParentId = request.ParentId, NotifyOnReply = request.NotifyOnReply ?? false,
            IpAddress = http.Connection.RemoteIpAddress,
        }, ct);
        switch (outcome.Kind)
        {
            case CommentOutcomeKind.Approved or CommentOutcomeKind.Held:
                var id = outcome.Comment!.Id;
                return TypedResults.Created($"/comments/{id}",
                    new CommentPostedDto(id, outcome.Kind == CommentOutcomeKind.Approved ? "approved" : "pending", outcome.Message));
            case CommentOutcomeKind.NotFound:
                return ApiProblems.PostNotFound();
            case CommentOutcomeKind.Invalid:
                // The API names the author fields "name" and "email".
                return ApiProblems.Validation(outcome.Errors.ToDictionary(e => e.Key switch
                {
                    nameof(CommentSubmission.AuthorName) => "Name", nameof(CommentSubmission.AuthorEmail) => "Email", var k => k,
                }, e => e.Value));
            case CommentOutcomeKind.RateLimited:
                http.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many comments", detail: outcome.Message);
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The comment was not accepted", detail: outcome.Message);
        }
    }

    public static async Task<Results<Ok<PageDto<ModerationCommentDto>>, ValidationProblem, ProblemHttpResult>> QueueAsync(
        string journal, string? status, string? q, int? page, JournalContext here, ModerationQueue queue, CancellationToken ct)
    {
        if (Paging.Validate(page) is not { } number) return ApiProblems.Validation("Page", Paging.OutOfRange);
        var wanted = CommentStatus.Pending;
        if (status is not null && (!Enum.TryParse(status, ignoreCase: true, out wanted) || !Enum.IsDefined(wanted)))
            return ApiProblems.Validation("Status", "Use status=pending, approved, spam or trash.");
        var items = await queue.ListAsync(here.Journal.Id, wanted, q, number, ct);
        return TypedResults.Ok(new PageDto<ModerationCommentDto>(items.Items.Select(i => new ModerationCommentDto(
            i.Id, i.PostSlug, i.PostTitle, i.ParentId, i.AuthorName, i.Website, i.CreatedAt, i.Text, i.Status, i.ModerationNote)).ToList(),
            items.Page, items.PageSize, items.Total));
    }

    private static async Task<Results<Ok<CommentStatusDto>, ProblemHttpResult>> ActAsync(
        int id, ModerationAction action, JournalContext here, CommentModerator moderator, JournalsDbContext db, CancellationToken ct)
    {
        var moderated = here.Journal;
        if (!await db.Comments.AnyAsync(c => c.Id == id && c.Post.JournalId == moderated.Id, ct)) return CommentNotFound();
        await moderator.ApplyAsync(moderated.Id, [id], action, ct);
        var status = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).FirstAsync(ct);
        return TypedResults.Ok(new CommentStatusDto(id, status));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string journal, int id, JournalContext here, CommentModerator moderator, CancellationToken ct)
    {
        return await moderator.ApplyAsync(here.Journal.Id, [id], ModerationAction.Delete, ct) == 1 ? TypedResults.NoContent() : CommentNotFound();
    }

    private static ProblemHttpResult CommentNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no comment with that id in this journal.");
}
