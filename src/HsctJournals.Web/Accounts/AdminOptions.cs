namespace HsctJournals.Web.Accounts;

/// <summary>The site administrator created at start-up. Bound from the <c>Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>E-mail address (and user name) of the site admin.</summary>
    public string? Email { get; set; }
    /// <summary>Initial password. When both are unset in Development, one is generated and printed once.</summary>
    public string? Password { get; set; }
}
