using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Api;

/// <summary>Limits for the API, bound from the "Api" configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Token requests (POST /api/v1/tokens) one client address may make per window.</summary>
    [Range(1, 10_000)]
    public int TokenRequestsPerWindow { get; set; } = 10;

    /// <summary>Length of the token-request window in seconds.</summary>
    [Range(1, 86_400)]
    public int TokenWindowSeconds { get; set; } = 60;
}
