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
/// Replaces Identity UI's register page to ask for the public display name. Behaves as Identity's
/// does otherwise: creates the user, e-mails a confirmation link, signs in (confirmation is not
/// required to sign in) and returns to <c>returnUrl</c>.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountLinks links, AccountMail mail, TimeProvider clock, ILogger<RegisterModel> log) : PageModel
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
        ModelState.Clear();
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
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) AddError(FieldOf(error.Code), error.Description);
            return Page();
        }
        log.LogInformation("A new account was registered.");

        await SendConfirmationAsync(user, address);
        if (users.Options.SignIn.RequireConfirmedAccount)
            return RedirectToPage("RegisterConfirmation", new { email = address, returnUrl = ReturnUrl });
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(ReturnUrl);
    }

    private async Task SendConfirmationAsync(AppUser user, string address)
    {
        var link = await links.ConfirmEmailAsync(user, ReturnUrl);
        await mail.QueueAsync(address, "Confirm your e-mail address", b => b
            .Paragraph($"Welcome to HSCT Journals, {user.DisplayName}.")
            .Link("Please confirm your e-mail address", link)
            .Paragraph("If you did not create this account, ignore this message."));
    }

    private void AddError(string field, string message) => ModelState.AddModelError($"{nameof(Input)}.{field}", message);

    // Identity's error codes name the field they are about; anything else goes to the summary.
    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterInput.Password)
        : code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? nameof(RegisterInput.Email)
        : "";

    private string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
