using Microsoft.AspNetCore.Identity;

namespace HsctJournals.Web.Shared;

/// <summary>A person with an account. The e-mail address is private; only <see cref="DisplayName"/> is ever shown.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 60;

    /// <summary>The (possibly pseudonymous) name shown on posts and comments.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>IANA time zone used to turn instants into calendar days (day numbers, archives).</summary>
    public string TimeZoneId { get; set; } = "Europe/London";
    public DateTime CreatedAt { get; set; }
}
