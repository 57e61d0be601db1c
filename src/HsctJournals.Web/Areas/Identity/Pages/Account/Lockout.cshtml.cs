using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Where sign-in lands when the account is locked (too many wrong second-factor codes, or an admin's lock).
/// Replaces Identity UI's stock text; it is reached only after the right password or a valid passkey, so it
/// tells nothing to someone who does not already hold the account's first factor.
/// </summary>
[AllowAnonymous]
public sealed class LockoutModel(IOptions<IdentityOptions> identity) : PageModel
{
    public int PauseMinutes => (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);

    public void OnGet() { }
}
