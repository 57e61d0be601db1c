using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link mailed to a new address (<see cref="AccountLinks.ConfirmEmailChangeAsync"/>). Replaces Identity UI's page,
/// which changed the address on GET: the GET shows one button and the POST changes it. The sign-in name follows the
/// address (people sign in with their address). The change rotates the security stamp, so every session ends except
/// this browser's when it is signed in to the same account (issue 8, fix 2).
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMail mail,
    ILogger<ConfirmEmailChangeModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public bool Failed { get; private set; }
    /// <summary>Set when the address is now another account's (it was free when the link was sent).</summary>
    public bool Taken { get; private set; }

    [TempData] public string? StatusMessage { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountLinks.Decode(Code);
        var user = string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Email) || token is null ? null : await users.FindByIdAsync(UserId);
        if (user is null) return Fail();
        var oldEmail = user.Email;
        var changed = await users.ChangeEmailAsync(user, Email!, token!);
        if (!changed.Succeeded)
        {
            Taken = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail));
            return Fail();
        }
        var renamed = await users.SetUserNameAsync(user, Email!);
        if (!renamed.Succeeded)
            log.LogError("The address changed but the sign-in name did not: {Errors}", string.Join("; ", renamed.Errors.Select(e => e.Code)));
        if (oldEmail is not null)
            await mail.QueueAsync(oldEmail, "Your e-mail address was changed", (b, site) => b
                .Paragraph($"The e-mail address of your {site} account is now {Email}. Messages for you go there from now on.")
                .Paragraph("If you did not do this, contact the site's administrator at once."));

        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
            StatusMessage = "Your e-mail address is changed.";
            return Redirect("/account/email");
        }
        StatusMessage = "Your e-mail address is changed. Sign in with the new address.";
        return RedirectToPage("./Login");
    }

    private PageResult Fail()
    {
        Failed = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
