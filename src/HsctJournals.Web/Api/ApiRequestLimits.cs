using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace HsctJournals.Web.Api;

/// <summary>
/// A body limit for the API far below the site-wide one: the largest valid post (200,000 characters,
/// even fully \u-escaped) fits, and anything larger is refused with 413 before it is read. An endpoint
/// that takes files declares its own limit (<see cref="IRequestSizeLimitMetadata"/>: photo uploads, WordPress
/// imports, backups to restore), and that one applies instead.
/// Also gives a ProblemDetails body to the bare 4xx that minimal APIs answer when a request cannot be
/// bound (malformed JSON, a value of the wrong type, a missing body, a non-JSON content type).
/// </summary>
/// <remarks>
/// Binding failures are not made to throw site-wide (RouteHandlerOptions.ThrowOnBadRequest): other
/// features' endpoints would then turn a 400 into the 500 page.
/// </remarks>
public static class ApiRequestLimits
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IApplicationBuilder UseApiRequestLimits(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api/v1"), api => api.Use(async (http, next) =>
        {
            var max = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBodyBytes;
            if (http.Request.ContentLength > max)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge, Title = "Request too large",
                        Detail = $"The request body is larger than the {max / 1024 / 1024} MiB this endpoint accepts.",
                    },
                });
                return;
            }
            // Bodies without a Content-Length (chunked) are cut off by the server while reading.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = max;
            await next(http);
            if (http.Response is { HasStarted: false, StatusCode: >= 400 and < 500 } response
                && response.ContentLength is null or 0 && response.ContentType is null)
            {
                var status = response.StatusCode;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = status, Title = "The request could not be read", Detail = BareStatusDetail(status) },
                });
            }
        }));

    /// <summary>What to fix, for a status an endpoint answered without a body.</summary>
    public static string? BareStatusDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest =>
            "Check that the body is valid JSON whose values have the documented types (see /openapi/v1.json), and that query parameters are numbers where numbers are expected.",
        StatusCodes.Status413PayloadTooLarge => $"The request body is larger than the {MaxBodyBytes / 1024 / 1024} MiB the API accepts.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
        _ => null,
    };
}
