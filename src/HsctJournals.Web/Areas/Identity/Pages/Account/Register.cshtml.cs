using System.Text;
using System.Text.Encodings.Web;
using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's register page to ask for the public display name, and so it tells nobody whether an
/// address already has an account (issue 8, fix 5): a free address gets an account and a confirmation link, a
/// taken one gets a "someone tried to register with your address" mail instead, and both end on the same
/// "check your e-mail" page after about the same work (a password hash and a queued message each). Signing in
/// needs the confirmed address (<c>RequireConfirmedAccount</c>).
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<AppUser> users, AccountLinks links, AccountMail mail, TimeProvider clock, ILogger<RegisterModel> log) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = "/";

    /// <summary>The register form. Passwords are never sent back to the browser.</summary>
    public sealed class RegisterInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = LocalOrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        // ModelState is kept (every field is a string, so binding adds no errors): name and address come back as
        // typed, passwords never do (FieldTagHelper).
        var displayName = DisplayNames.Validate(Input.DisplayName, out var nameError);
        if (nameError is not null) AddError(nameof(Input.DisplayName), nameError);
        var address = Input.Email?.Trim() ?? "";
        if (!JournalMembership.IsEmail(address)) AddError(nameof(Input.Email), JournalMembership.NotAnEmailMessage);
        if (string.IsNullOrEmpty(Input.Password)) AddError(nameof(Input.Password), "Choose a password.");
        else if (Input.Password != Input.ConfirmPassword) AddError(nameof(Input.ConfirmPassword), "The two passwords are not the same.");
        if (!ModelState.IsValid) return Page();

        var user = new AppUser
        {
            UserName = address, Email = address, DisplayName = displayName!, TimeZoneId = TimeZones.Default,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The password rules are checked before the address is looked up, so their answer is the same for both.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, Input.Password!);
            foreach (var error in check.Errors) AddError(nameof(RegisterInput.Password), error.Description);
        }
        if (!ModelState.IsValid) return Page();

        var existing = await users.FindByEmailAsync(address);
        if (existing is not null)
        {
            DecoyPassword.Verify(users.PasswordHasher, Input.Password!);
            await SendAlreadyRegisteredAsync(existing);
            log.LogInformation("Someone tried to register with an address that has an account; its owner was told.");
            return CheckYourMail();
        }

        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            // A registration racing this one for the same address lands here; any other error is about the input.
            if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")) return CheckYourMail();
            foreach (var error in result.Errors) AddError(FieldOf(error.Code), error.Description);
            return Page();
        }
        log.LogInformation("A new account was registered.");
        await SendConfirmationAsync(user, address);
        return CheckYourMail();
    }

    private RedirectToPageResult CheckYourMail() => RedirectToPage("RegisterConfirmation");

    private async Task SendConfirmationAsync(AppUser user, string address)
    {
        var link = await links.ConfirmEmailAsync(user, ReturnUrl);
        await mail.QueueAsync(address, "Confirm your e-mail address", (b, site) => b
            .Paragraph($"Welcome to {site}, {user.DisplayName}.")
            .Link("Please confirm your e-mail address", link)
            .Paragraph("If you did not create this account, ignore this message."));
    }

    private async Task SendAlreadyRegisteredAsync(AppUser owner) =>
        await mail.QueueAsync(owner.Email!, "Someone tried to register with your address", (b, site) => b
            .Paragraph($"Someone tried to create a new {site} account with this e-mail address, which already has an account. " +
                       "No new account was made and nothing about your account has changed.")
            .Link("If it was you, sign in", mail.Link("/Identity/Account/Login"))
            .Link("or choose a new password if you have forgotten it", mail.Link("/Identity/Account/ForgotPassword"))
            .Paragraph("If it was not you, you can ignore this message."));

    private void AddError(string field, string message) => ModelState.AddModelError($"{nameof(Input)}.{field}", message);

    // Identity's error codes name the field they are about; anything else goes to the summary.
    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterInput.Password)
        : code is "InvalidEmail" or "InvalidUserName" ? nameof(RegisterInput.Email)
        : "";

    private string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
