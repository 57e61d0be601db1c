namespace HsctJournals.Web.Notifications;

/// <summary>Outgoing mail. When <see cref="Host"/> is empty, messages are written to the log instead of sent.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>SMTP server host name; empty means "log instead of sending".</summary>
    public string? Host { get; set; }
    /// <summary>SMTP port (587 for STARTTLS submission, 25 for a local relay).</summary>
    public int Port { get; set; } = 587;
    /// <summary>User name for SMTP AUTH; empty means no authentication.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";
    /// <summary>The From address of every message.</summary>
    public string From { get; set; } = "HSCT Journals <no-reply@localhost>";
}
