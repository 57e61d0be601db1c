using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Identity's sign-in manager with server-side sessions: every sign-in (password, two-factor, passkey, refresh)
/// goes through <see cref="SignInWithClaimsAsync"/>, which records the session and puts its secret in the cookie;
/// signing out deletes the session's row, so a copy of the cookie kept from before opens nothing. Password checks
/// answer the same way, in about the same time, whether or not the account exists (issue 8, fix 5).
/// </summary>
public sealed class SessionSignInManager(UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, UserSessions sessions, AccountThrottle throttle)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    // The passkey the current request's sign-in verified (Identity signs passkey sign-ins in like password ones).
    private byte[]? _passkeyUsed;

    /// <summary>Notes which passkey a passkey sign-in used, so its session can be ended when that passkey is removed.</summary>
    public override async Task<PasskeyAssertionResult<AppUser>> PerformPasskeyAssertionAsync(string credentialJson)
    {
        var result = await base.PerformPasskeyAssertionAsync(credentialJson);
        _passkeyUsed = result.Succeeded ? result.Passkey.CredentialId : null;
        return result;
    }

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var secret = await sessions.StartOrKeepAsync(user, Context, _passkeyUsed);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims.Append(new Claim(UserSessions.ClaimType, secret)));
        if (user.Email is not null) throttle.RememberDevice(Context, user.Email);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null) return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        DecoyPassword.Verify(UserManager.PasswordHasher, password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity answers "not allowed" (unconfirmed) or "locked out" before it looks at the password, and without
        // hashing anything: that told anyone who typed an address, with any password, that it has an account.
        // The password comes first, so only someone who knows it learns more than "not right".
        if (!await UserManager.CheckPasswordAsync(user, password)) return SignInResult.Failed;
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task SignOutAsync()
    {
        await sessions.EndCurrentAsync(Context.User);
        await base.SignOutAsync();
    }
}
