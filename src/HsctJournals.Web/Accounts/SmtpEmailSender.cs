using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using MimeKit;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Accounts;

/// <summary>
/// Sends account mail (confirmation, password reset, invitations) with MailKit when
/// <c>Smtp:Host</c> is set, and writes it to the log when it is not, so a fresh install works.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, IOptions<Shared.SiteOptions> site, Shared.SiteSettingsStore settings,
    ILogger<SmtpEmailSender> log) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            // Development convenience: the message (with its link) is in the log. The address is not logged.
            log.LogInformation("E-mail not sent (Smtp:Host is not set). Subject: {Subject}. Body: {Body}", subject, htmlMessage);
            return;
        }

        var message = new MimeMessage();
        message.From.Add(Notifications.MailHeaders.Sender(smtp.From, (await settings.ForDisplayAsync()).Name));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        Notifications.MailHeaders.Stamp(message, site.Value.MailDomain);
        var body = new BodyBuilder { HtmlBody = htmlMessage, TextBody = MailText.FromHtml(htmlMessage) };
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host, smtp.Port, security);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "");
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
