namespace HsctJournals.Domain.Photos;

/// <summary>
/// When a signed photo link (in a secret feed or an e-mail) stops working. It ends at a UTC midnight, so
/// every link signed on one day carries the same expiry: a secret feed's bytes, and so its ETag, change
/// once a day rather than on every poll.
/// </summary>
public static class SignedLinkExpiry
{
    /// <summary>The expiry of a link signed at <paramref name="now"/> that must work at least <paramref name="days"/> days.</summary>
    public static DateTimeOffset For(DateTimeOffset now, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero).AddDays(days + 1);
    }

    /// <summary>Whether a link expiring at <paramref name="expires"/> still works at <paramref name="now"/>.</summary>
    public static bool IsValid(DateTimeOffset expires, DateTimeOffset now) => now < expires;
}
