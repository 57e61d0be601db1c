using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Account and membership mail (access requests, approvals, invitations) through the one
/// <see cref="IEmailSender"/>. A mail server that is down must not turn a saved change into an
/// error page, so failures are logged and reported as <c>false</c> for the page to explain.
/// </summary>
public sealed class AccountMail(IEmailSender sender, ILogger<AccountMail> log)
{
    /// <summary>Sends a message whose body is built from already-encoded HTML fragments.</summary>
    public async Task<bool> TrySendAsync(string to, string subject, string htmlBody)
    {
        try
        {
            await sender.SendEmailAsync(to, subject, htmlBody);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The address is not logged: it is personal data and the subject says enough.
            log.LogWarning(e, "Could not send the e-mail \"{Subject}\".", subject);
            return false;
        }
    }

    /// <summary>HTML-encodes user text (journal titles, names, messages) for a mail body.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>The scheme and host the visitor used, for absolute links in mail.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
