using System.Text.Encodings.Web;
using HsctJournals.Web.Data;
using HsctJournals.Web.Notifications;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Account and membership mail. Owners' actions (access requests, approvals, invitations) are sent
/// at once through the one <see cref="IEmailSender"/> so the page can say whether the mail went; a
/// mail server that is down must not turn a saved change into an error page, so failures are
/// logged and reported as <c>false</c>. Mail anyone can trigger is queued (<see cref="QueueAsync"/>).
/// </summary>
public sealed class AccountMail(
    IEmailSender sender, IOptions<SiteOptions> site, SiteSettingsStore settings, JournalsDbContext db, Outbox outbox, OutboxSignal signal,
    ILogger<AccountMail> log)
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

    /// <summary>
    /// Queues a message through the outbox and returns at once. Pages that anyone can use with any
    /// address (forgot password, register, resend confirmation) send this way, so the answer takes
    /// the same time whether or not a message goes out, and a mail server that is down loses nothing.
    /// </summary>
    /// <remarks><paramref name="compose"/> is given the site's name from the admin's settings (decision 0043).</remarks>
    public async Task QueueAsync(string to, string subject, Func<MailBody, string, MailBody> compose, CancellationToken ct = default)
    {
        var siteName = await SiteNameAsync(ct);
        var mail = compose(new MailBody(), siteName).Footer($"You get this message because of an action on your {siteName} account.")
            .To(to, null, subject, unsubscribeUrl: null);
        outbox.Enqueue(Outbox.Mail, mail);
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    /// <summary>The site's name as the admin set it (the default when the database cannot be read).</summary>
    public async Task<string> SiteNameAsync(CancellationToken ct = default) => (await settings.ForDisplayAsync(ct)).Name;

    /// <summary>HTML-encodes user text (journal titles, names, messages) for a mail body.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>An absolute link from <c>Site:BaseUrl</c>, never from the request's Host header (which the client chooses).</summary>
    public string Link(string path) => site.Value.Link(path);
}
