using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// The secret links account mail carries (confirm an address, reset a password, confirm a new
/// address). Each is absolute from <c>Site:BaseUrl</c> through <see cref="AccountMail.Link"/>,
/// so a forged Host header cannot point a genuine e-mail at another site.
/// </summary>
public sealed class AccountLinks(UserManager<AppUser> users, AccountMail mail)
{
    public async Task<string> ConfirmEmailAsync(AppUser user, string? returnUrl = null) =>
        mail.Link($"/Identity/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={Encode(await users.GenerateEmailConfirmationTokenAsync(user))}"
            + (string.IsNullOrEmpty(returnUrl) || returnUrl == "/" ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)));

    public async Task<string> ResetPasswordAsync(AppUser user) =>
        mail.Link($"/Identity/Account/ResetPassword?code={Encode(await users.GeneratePasswordResetTokenAsync(user))}&userId={Uri.EscapeDataString(user.Id)}");

    public async Task<string> ConfirmEmailChangeAsync(AppUser user, string newEmail) =>
        mail.Link($"/Identity/Account/ConfirmEmailChange?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}"
            + $"&code={Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail))}");

    /// <summary>Identity's tokens are not URL-safe; the pages that receive them decode with <see cref="Decode"/>.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when the link was mangled.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
