using MimeKit;
using MimeKit.Utils;

namespace HsctJournals.Web.Notifications;

/// <summary>Headers every message we send carries, whichever way it leaves (outbox or sent at once).</summary>
public static class MailHeaders
{
    public static void Stamp(MimeMessage message, string siteDomain)
    {
        // Tells mail servers not to send vacation replies back to us (RFC 3834).
        message.Headers.Replace("Auto-Submitted", "auto-generated");
        // On the site's domain rather than the machine's host name, which MimeKit would use (issue 8, fix 7).
        message.MessageId = MimeUtils.GenerateMessageId(siteDomain);
    }

    /// <summary>
    /// The sender: the address configured in <c>Smtp:From</c>, named with the site's name from the admin's settings,
    /// so renaming the site renames its mail too (decision 0043).
    /// </summary>
    public static MailboxAddress Sender(string configuredFrom, string siteName)
    {
        var from = MailboxAddress.Parse(configuredFrom);
        return new MailboxAddress(siteName, from.Address);
    }

    /// <summary>
    /// The <c>List-Id</c> of a journal's mail to its followers (RFC 2919): the journal's address name under the
    /// site's domain, e.g. <c>&lt;counting-from-zero.journals.example.org&gt;</c>. Slugs are ASCII letters, digits
    /// and hyphens, so the id needs no encoding; the journal's title is left out because it may not be ASCII.
    /// </summary>
    public static string JournalListId(string journalSlug, string siteDomain) => $"<{journalSlug}.journals.{siteDomain}>";
}
