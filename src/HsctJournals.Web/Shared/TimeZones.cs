namespace HsctJournals.Web.Shared;

/// <summary>The IANA time zones this server knows, for the profile's select and its validation.</summary>
public static class TimeZones
{
    public const string Default = "Europe/London";

    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
            .OfType<string>()
            // Region/City names only (plus UTC): the Etc/ and legacy aliases only confuse the list.
            .Where(id => id == "UTC" || (id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList());

    /// <summary>Sorted IANA ids, e.g. "Europe/London".</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    /// <summary>An IANA zone by id, falling back to UTC for unknown ids rather than failing a page.</summary>
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
