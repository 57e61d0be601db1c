using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace HsctJournals.Web.Api;

/// <summary>
/// Turns what a client got wrong before an endpoint ran — malformed JSON, a value of the wrong type,
/// a missing body, an oversized body — into a 4xx ProblemDetails that says what to fix, never a 500.
/// </summary>
public sealed class ApiBadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the original path.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        if (exception is not BadHttpRequestException bad || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;

        var status = bad.StatusCode;
        var json = FindJsonException(bad);
        var detail = status switch
        {
            StatusCodes.Status400BadRequest when json is not null => "The request body is not valid JSON for this endpoint" +
                                       (string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "." : $": check '{json.Path}'."),
            _ => ApiRequestLimits.BareStatusDetail(status) ?? bad.Message,
        };
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = status == 413 ? "Request too large" : "The request could not be read", Detail = detail },
        });
    }

    private static JsonException? FindJsonException(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is JsonException json) return json;
        return null;
    }
}
