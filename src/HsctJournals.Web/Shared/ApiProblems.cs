using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HsctJournals.Web.Shared;

/// <summary>The API's ProblemDetails answers, worded once.</summary>
public static class ApiProblems
{
    /// <summary>
    /// A journal that does not exist and one the caller may not read answer the same, so a private
    /// journal's existence does not leak (design invariant 1).
    /// </summary>
    public static ProblemHttpResult JournalNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no journal at this address, or it is not shared with you.");

    public static ProblemHttpResult PostNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no post at this address, or it is not shared with you.");

    /// <summary>For members of a journal whose role does not allow the change (non-members get 404).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>400 with field errors; keys are the JSON property names a client sent (camelCase).</summary>
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value),
            title: "Some fields need attention");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
