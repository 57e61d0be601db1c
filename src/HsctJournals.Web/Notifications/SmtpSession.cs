using HsctJournals.Web.Accounts;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// One SMTP connection for a batch of notifications (MailKit), opened on the first send and
/// reopened after a failure. With no <c>Smtp:Host</c> configured, messages are logged (subject
/// only) and count as delivered, so a development install does not pile up unsendable mail.
/// </summary>
public sealed class SmtpSession(SmtpOptions options, string mailDomain, string siteName, ILogger log) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            // The address is personal data and stays out of the log.
            log.LogInformation("Notification not sent because Smtp:Host is not set; marking it sent. Subject: {Subject}", mail.Subject);
            return;
        }

        var message = Build(mail);
        try
        {
            var client = await ConnectedClientAsync(ct);
            await client.SendAsync(message, ct);
        }
        catch
        {
            // A broken connection is not reused for the next message of the batch.
            await CloseAsync();
            throw;
        }
    }

    private MimeMessage Build(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailHeaders.Sender(options.From, siteName));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Subject = mail.Subject;
        MailHeaders.Stamp(message, mailDomain);
        // RFC 2919: lets mail programs file and filter a journal's posts as the list they are (issue 8, fix 7).
        if (mail.ListId is not null) message.Headers.Add("List-Id", mail.ListId);
        if (mail.UnsubscribeUrl is not null)
        {
            // RFC 2369 + RFC 8058: mail clients offer one-click unsubscribe with a POST to this address.
            message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return _client;
        await CloseAsync();
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
            await client.ConnectAsync(options.Host!, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        return client;
    }

    private async Task CloseAsync()
    {
        if (_client is null) return;
        try { if (_client.IsConnected) await _client.DisconnectAsync(quit: true); }
        catch (Exception e) when (e is not OperationCanceledException) { /* the connection is gone anyway */ }
        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
