using System.Globalization;

namespace HsctJournals.Web.Comments;

/// <summary>"2 hours ago" for recent times, a plain date after a week.</summary>
public static class RelativeTime
{
    public static string Describe(DateTime utc, DateTime nowUtc)
    {
        var age = nowUtc - utc;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalMinutes: < 2 } => "1 minute ago",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} minutes ago",
            { TotalHours: < 2 } => "1 hour ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} hours ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 7 } => $"{(int)age.TotalDays} days ago",
            _ => utc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")),
        };
    }

    /// <summary>
    /// The first moment after <paramref name="nowUtc"/> at which <see cref="Describe"/> gives <paramref name="utc"/> another
    /// label ("3 minutes ago" becomes "4 minutes ago"), or <see cref="DateTime.MaxValue"/> once it is a plain date: how
    /// long a page showing it may be reused as it is.
    /// </summary>
    public static DateTime NextChange(DateTime utc, DateTime nowUtc)
    {
        var age = nowUtc - utc;
        return age switch
        {
            { TotalMinutes: < 1 } => utc.AddMinutes(1), // "just now", also for a time a little ahead of this clock
            { TotalMinutes: < 2 } => utc.AddMinutes(2),
            { TotalHours: < 1 } => utc.AddMinutes(Math.Floor(age.TotalMinutes) + 1),
            { TotalHours: < 2 } => utc.AddHours(2),
            { TotalDays: < 1 } => utc.AddHours(Math.Floor(age.TotalHours) + 1),
            { TotalDays: < 2 } => utc.AddDays(2),
            { TotalDays: < 7 } => utc.AddDays(Math.Floor(age.TotalDays) + 1),
            _ => DateTime.MaxValue,
        };
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
