using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's page, which built the reset link from the request's Host header. The
/// answer is the same whether or not the address has an account, so the form tells nobody who
/// is registered; the mail leaves through <see cref="AccountMail.QueueAsync"/>, off the request path.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountLinks links, AccountMail mail) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var address = Email?.Trim() ?? "";
        if (!JournalMembership.IsEmail(address))
        {
            ModelState.AddModelError(nameof(Email), JournalMembership.NotAnEmailMessage);
            return Page();
        }
        var user = await users.FindByEmailAsync(address);
        if (user is not null)
        {
            var link = await links.ResetPasswordAsync(user);
            await mail.QueueAsync(user.Email!, "Reset your password", b => b
                .Paragraph("Someone (hopefully you) asked to reset the password of your HSCT Journals account.")
                .Link("Choose a new password", link)
                .Paragraph("If it was not you, ignore this message: your password stays as it is."));
        }
        Sent = true;
        return Page();
    }
}
