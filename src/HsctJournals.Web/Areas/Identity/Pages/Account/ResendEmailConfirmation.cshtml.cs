using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>Sends the confirmation link again; the same answer whether or not the address has an account.</summary>
[AllowAnonymous]
public sealed class ResendEmailConfirmationModel(UserManager<AppUser> users, AccountLinks links, AccountMail mail) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var address = Email?.Trim() ?? "";
        if (!JournalMembership.IsEmail(address))
        {
            ModelState.AddModelError(nameof(Email), JournalMembership.NotAnEmailMessage);
            return Page();
        }
        var user = await users.FindByEmailAsync(address);
        if (user is { EmailConfirmed: false })
        {
            var link = await links.ConfirmEmailAsync(user);
            await mail.QueueAsync(user.Email!, "Confirm your e-mail address", (b, site) => b
                .Paragraph($"Please confirm the e-mail address of your {site} account, {user.DisplayName}.")
                .Link("Confirm my address", link)
                .Paragraph("If you did not create this account, ignore this message."));
        }
        Sent = true;
        return Page();
    }
}
