namespace HsctJournals.Web.Shared;

/// <summary>Facts about e-mail addresses that every feature storing one shares.</summary>
public static class EmailAddresses
{
    /// <summary>The longest address SMTP can carry (RFC 5321 §4.5.3.1: a 256-octet path less the angle brackets).</summary>
    public const int MaxLength = 254;
}
