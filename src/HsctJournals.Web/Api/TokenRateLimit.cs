using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Api;

/// <summary>
/// Slows password guessing through the token endpoint: a fixed window per client IP address,
/// answered with 429, Retry-After and ProblemDetails. The per-address <see cref="Accounts.AccountThrottle"/> applies on top.
/// </summary>
/// <remarks>
/// The counters live in this process, or in Redis when <c>Cache:Redis</c> is set, so behind a load balancer
/// every node counts the same requests (<see cref="Shared.SharedRateLimit"/>). Behind a reverse proxy, configure forwarded headers so the client address is the real one.
/// </remarks>
public static class TokenRateLimit
{
    public const string Policy = "api-tokens";

    public static IServiceCollection AddTokenRateLimit(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((o, api) =>
        {
            var limits = api.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => Shared.SharedRateLimit.FixedWindow(context,
                $"{Policy}:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
                limits.TokenRequestsPerWindow, TimeSpan.FromSeconds(limits.TokenWindowSeconds)));
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? retryAfter : TimeSpan.FromSeconds(limits.TokenWindowSeconds);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
                        Detail = $"Too many token requests from your address. Try again in {seconds} seconds.",
                    },
                });
            };
        });
        return services;
    }
}
