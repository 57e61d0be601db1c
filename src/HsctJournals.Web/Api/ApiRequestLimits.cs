using Microsoft.AspNetCore.Http.Features;

namespace HsctJournals.Web.Api;

/// <summary>
/// A body limit for the API far below the site-wide one: the largest valid post (200,000 characters,
/// even fully \u-escaped) fits, and anything larger is refused with 413 before it is read.
/// </summary>
public static class ApiRequestLimits
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IApplicationBuilder UseApiRequestLimits(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api/v1"), api => api.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > MaxBodyBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge, Title = "Request too large",
                        Detail = $"The request body is larger than the {MaxBodyBytes / 1024 / 1024} MiB the API accepts.",
                    },
                });
                return;
            }
            // Bodies without a Content-Length (chunked) are cut off by the server while reading.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxBodyBytes;
            await next(http);
        }));
}
