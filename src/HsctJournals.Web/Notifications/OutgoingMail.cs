namespace HsctJournals.Web.Notifications;

/// <summary>
/// One composed e-mail to exactly one person (never a list, so no reader sees another's address).
/// Serialisable: a message that fans out to many people is stored as one of these per recipient.
/// </summary>
/// <param name="UnsubscribeUrl">One-click unsubscribe address; when set the mail carries RFC 8058 headers.</param>
/// <param name="ListId">For list-like mail (a journal's posts to its followers), the RFC 2919 <c>List-Id</c>.</param>
public sealed record OutgoingMail(string To, string? ToName, string Subject, string Text, string Html, string? UnsubscribeUrl, string? ListId = null);
