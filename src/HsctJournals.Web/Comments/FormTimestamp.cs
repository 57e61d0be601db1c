using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The time the comment form was shown, carried in a hidden field and protected by Data Protection,
/// so a robot can neither skip the minimum fill time nor forge an older time (FormFillTime).
/// </summary>
public sealed class FormTimestamp(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("HsctJournals.Comments.FormTimestamp.v1");

    /// <summary>A protected value for "now".</summary>
    public string Now() => Protect(clock.GetUtcNow());

    /// <summary>A protected value for <paramref name="renderedAt"/>.</summary>
    public string Protect(DateTimeOffset renderedAt) =>
        _protector.Protect(renderedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>The time in a protected value, or null when it is missing, forged or from another installation.</summary>
    public DateTimeOffset? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        try
        {
            var ticks = long.Parse(_protector.Unprotect(value), CultureInfo.InvariantCulture);
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
