using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Changing the account's e-mail address. Nothing changes until the new address's owner presses the button behind
/// the link mailed to it (<c>ConfirmEmailChange</c>), and the current password is asked first, so a borrowed
/// session alone cannot move the account to someone else's mailbox. The answer is the same whether or not the new
/// address already has an account (its owner gets a short notice instead of a link), so the form tells nobody who
/// is registered (issue 8, fix 5 and build 1).
/// </summary>
[Authorize]
public sealed class EmailPageModel(UserManager<AppUser> users, AccountLinks links, AccountMail mail, AccountThrottle throttle) : PageModel
{
    [BindProperty] public string? NewEmail { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string CurrentEmail { get; private set; } = "";
    /// <summary>The address a link was just sent to (shown once after the redirect).</summary>
    [TempData] public string? SentTo { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email ?? "";
        var password = Password;
        Password = null; // never sent back
        var address = NewEmail?.Trim() ?? "";
        if (!JournalMembership.IsEmail(address)) ModelState.AddModelError(nameof(NewEmail), JournalMembership.NotAnEmailMessage);
        else if (string.Equals(address, CurrentEmail, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(NewEmail), "That is already your address.");
        if (string.IsNullOrEmpty(password)) ModelState.AddModelError(nameof(Password), "Enter your current password.");
        if (!ModelState.IsValid) return Page();
        if (await throttle.RefusePasswordTryAsync(HttpContext, CurrentEmail) is { } refused)
        {
            ModelState.AddModelError(nameof(Password), refused);
            return Page();
        }
        if (!await users.CheckPasswordAsync(user, password!))
        {
            ModelState.AddModelError(nameof(Password), "That password is not right.");
            return Page();
        }

        if (await users.FindByEmailAsync(address) is null)
        {
            var link = await links.ConfirmEmailChangeAsync(user, address);
            await mail.QueueAsync(address, "Confirm your new e-mail address", (b, site) => b
                .Paragraph($"{user.DisplayName} asked to use this address for their {site} account.")
                .Link("Confirm the new address", link)
                .Paragraph("Until then the account keeps its old address. If you did not ask for this, ignore this message."));
        }
        else
        {
            await mail.QueueAsync(address, "Someone tried to move an account to your address", (b, site) => b
                .Paragraph($"Someone asked to move another {site} account to this e-mail address, which already has an account. " +
                           "Nothing has changed, and your account is not affected."));
        }
        await mail.QueueAsync(CurrentEmail, "Your e-mail address is being changed", (b, site) => b
            .Paragraph($"Someone signed in to your {site} account asked to change its e-mail address to {address}. " +
                       "It changes only when the link sent to that address is used.")
            .Paragraph("If this was not you, change your password now and sign out the browsers you do not recognise.")
            .Link("Change your password", mail.Link("/account/password")));
        SentTo = address;
        return Redirect("/account/email");
    }
}
