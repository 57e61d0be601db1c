using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Identity's sign-in manager with server-side sessions: every sign-in (password, two-factor, passkey, refresh)
/// goes through <see cref="SignInWithClaimsAsync"/>, which records the session and puts its secret in the cookie;
/// signing out deletes the session's row, so a copy of the cookie kept from before opens nothing.
/// </summary>
public sealed class SessionSignInManager(UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, UserSessions sessions)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var secret = await sessions.StartOrKeepAsync(user, Context);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims.Append(new Claim(UserSessions.ClaimType, secret)));
    }

    public override async Task SignOutAsync()
    {
        await sessions.EndCurrentAsync(Context.User);
        await base.SignOutAsync();
    }
}
