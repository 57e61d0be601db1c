using Microsoft.AspNetCore.Identity;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Issue 8, fix 5: a password check against an address with no account verifies the password against a
/// throw-away hash, so it costs the same key stretching as a check against a real account and the answer's
/// timing does not tell which addresses are registered. Used by the sign-in form, the token endpoint and
/// registration of a taken address.
/// </summary>
public static class DecoyPassword
{
    private static string? _hash;

    /// <summary>Spends the time a real password check would; the result is always "wrong".</summary>
    public static void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        var decoy = new AppUser();
        _hash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(decoy, _hash, password);
    }
}
