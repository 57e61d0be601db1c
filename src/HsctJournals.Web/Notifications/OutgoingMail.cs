namespace HsctJournals.Web.Notifications;

/// <summary>
/// One composed e-mail to exactly one person (never a list, so no reader sees another's address).
/// Serialisable: a message that fans out to many people is stored as one of these per recipient.
/// </summary>
/// <param name="UnsubscribeUrl">One-click unsubscribe address; when set the mail carries RFC 8058 headers.</param>
public sealed record OutgoingMail(string To, string? ToName, string Subject, string Text, string Html, string? UnsubscribeUrl);
