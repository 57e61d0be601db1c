using System.Globalization;

namespace HsctJournals.Domain.Portability;

/// <summary>WordPress writes dates as "yyyy-MM-dd HH:mm:ss"; the <c>_gmt</c> fields are UTC, and "0000-00-00 00:00:00" means "never".</summary>
public static class WordPressDates
{
    /// <summary>The format of every WordPress date field.</summary>
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The instant, as UTC; null when empty, zero or unreadable.</summary>
    public static DateTime? ParseUtc(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            && parsed.Year > 1 ? parsed : null;

    /// <summary>A local wall-clock date (<c>wp:post_date</c>) as written, without a zone; null when empty or zero.</summary>
    public static DateTime? ParseLocal(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year > 1 ? DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified) : null;

    /// <summary>An instant in WordPress's format (give it UTC for a <c>_gmt</c> field).</summary>
    public static string Write(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>
    /// A UTC instant as the site's wall clock, for the fields without <c>_gmt</c> (<c>post_date</c>, <c>comment_date</c>,
    /// <c>post_modified</c>): WordPress writes those in the blog's time zone, and an importer that finds no <c>_gmt</c>
    /// value reads them that way.
    /// </summary>
    public static string WriteLocal(DateTime utc, TimeZoneInfo zone) =>
        Write(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
