using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app, and recovery codes. A GET only shows the state: the key is
/// created, reset or removed only by a POST with antiforgery (Identity UI's page made a key on GET, and the
/// security-stamp change that came with it let a cross-site link sign people out; issue 8, fix 3).
/// </summary>
[Authorize]
public sealed class TwoFactorPageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Shared.SiteSettingsStore site) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Set while a key exists but has not been confirmed with a code yet.</summary>
    public AuthenticatorSetup? Setup { get; private set; }
    /// <summary>Shown once, in the response to the POST that made them.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Done { get; private set; }
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Done = done is "on" or "off" ? done : null;
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Creates a key (or keeps the unconfirmed one) and shows it with its QR code.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            await ChangeAsync(user, () => users.ResetAuthenticatorKeyAsync(user));
        return Redirect("/account/two-factor");
    }

    /// <summary>Turns two-factor on once the app shows a right code; answers with the recovery codes.</summary>
    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (user.TwoFactorEnabled || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))) return Redirect("/account/two-factor");
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Enter the 6 digits your app shows now.");
            await LoadAsync(user);
            return Page();
        }
        await ChangeAsync(user, () => users.SetTwoFactorEnabledAsync(user, true));
        Done = "on";
        return await ShowNewCodesAsync(user);
    }

    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return Redirect("/account/two-factor");
        return await ShowNewCodesAsync(user);
    }

    /// <summary>Turns two-factor off and replaces the key, so turning it on again needs the app set up afresh.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return Redirect("/account/two-factor");
        await ChangeAsync(user, async () =>
        {
            var off = await users.SetTwoFactorEnabledAsync(user, false);
            return off.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : off;
        });
        return Redirect("/account/two-factor?done=off");
    }

    private async Task<IActionResult> ShowNewCodesAsync(AppUser user)
    {
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Makes a change that rotates the security stamp, then renews this browser's cookie (other sessions end).</summary>
    private async Task ChangeAsync(AppUser user, Func<Task<IdentityResult>> change)
    {
        var result = await change();
        if (!result.Succeeded) throw new InvalidOperationException("Two-factor change failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        await signIn.RefreshSignInAsync(user);
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        var key = Enabled ? null : await users.GetAuthenticatorKeyAsync(user);
        Setup = string.IsNullOrEmpty(key) ? null : AuthenticatorSetup.For((await site.ForDisplayAsync(HttpContext.RequestAborted)).Name, user.Email!, key);
        // The key is a secret: never keep a page that shows it in any cache.
        Response.Headers.CacheControl = "no-store";
    }
}
