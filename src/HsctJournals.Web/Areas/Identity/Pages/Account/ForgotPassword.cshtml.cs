using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's page, which built the reset link from the request's Host header. The
/// answer is the same whether or not the address has an account, so the form tells nobody who
/// is registered, and so is the work behind it: either way one message is queued through
/// <see cref="AccountMail.QueueAsync"/> (the reset link, or a note that the address has no account),
/// so the time taken does not tell either (decision 0027). Requests are slowed per client address and
/// per typed address like sign-in, so the form cannot be used to flood someone's mailbox.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountLinks links, AccountMail mail, LoginRateLimit limit, AccountThrottle throttle)
    : PageModel
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
        var (allowed, retryAfter) = await limit.TryAttemptAsync(HttpContext);
        if (allowed) (allowed, retryAfter) = await throttle.TryAttemptAsync(HttpContext, address);
        if (!allowed)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(nameof(Email), $"Too many requests. Please wait {retryAfter} seconds and try again.");
            return Page();
        }
        var user = await users.FindByEmailAsync(address);
        if (user is null)
        {
            await mail.QueueAsync(address, "Reset your password", (b, site) => b
                .Paragraph($"Someone (hopefully you) asked to reset the password of an {site} account with this e-mail address, " +
                           "but this address has no account here. If it was you, you may have used another address.")
                .Link("Create an account", mail.Link("/Identity/Account/Register"))
                .Paragraph("If it was not you, ignore this message."));
        }
        else
        {
            var link = await links.ResetPasswordAsync(user);
            await mail.QueueAsync(user.Email!, "Reset your password", (b, site) => b
                .Paragraph($"Someone (hopefully you) asked to reset the password of your {site} account.")
                .Link("Choose a new password", link)
                .Paragraph("If it was not you, ignore this message: your password stays as it is."));
        }
        Sent = true;
        return Page();
    }
}
