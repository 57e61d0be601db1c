using System.Text.Json;
using HsctJournals.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// A person's passkeys with ASP.NET Core Identity's own WebAuthn support (decision 0026): the options the browser
/// needs, checking what it answers, and listing, naming and removing them. Signing in with one is
/// <see cref="SignInManager{TUser}.PasskeySignInAsync"/>, which ends in <see cref="SessionSignInManager.SignInWithClaimsAsync"/>
/// like every other sign-in, so it records a server-side session and marks the browser as recognised.
/// </summary>
public sealed class Passkeys(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserSessions sessions, ILogger<Passkeys> log)
{
    /// <summary>One passkey as the passkeys page shows it; <see cref="Id"/> is the credential id, base64url.</summary>
    public sealed record Listed(string Id, string Name, DateTimeOffset CreatedAt, bool IsBackedUp, DateTime? LastUsedAt);

    /// <summary>What a browser needs to make a new passkey for <paramref name="user"/> (JSON for navigator.credentials.create).</summary>
    public Task<string> CreationOptionsAsync(AppUser user) =>
        signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.DisplayName });

    /// <summary>What a browser needs to sign in with any passkey it holds for this site (JSON for navigator.credentials.get).</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>Checks the browser's new credential and stores it under <paramref name="name"/>; an error message when it fails.</summary>
    public async Task<string?> AddAsync(AppUser user, string? credentialJson, string name)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return NoCredential;
        PasskeyAttestationResult result;
        try { result = await signIn.PerformPasskeyAttestationAsync(credentialJson); }
        // InvalidOperationException: no options were asked for in this browser (or their state cookie expired).
        catch (Exception e) when (e is JsonException or PasskeyException or FormatException or InvalidOperationException)
        {
            log.LogInformation(e, "A passkey answer could not be read.");
            return NotMade;
        }
        // The options were made for one account (their state is in this browser's cookie); never store a key for another.
        if (!result.Succeeded || result.UserEntity.Id != user.Id)
        {
            log.LogInformation("A new passkey was refused: {Reason}", result.Failure?.Message);
            return NotMade;
        }
        result.Passkey.Name = name;
        var stored = await users.AddOrUpdatePasskeyAsync(user, result.Passkey);
        return stored.Succeeded ? null : NotMade;
    }

    /// <summary>The person's passkeys, oldest first, with when each last signed them in (never key material).</summary>
    public async Task<List<Listed>> ListAsync(AppUser user)
    {
        var used = await sessions.PasskeyUsesAsync(user.Id);
        return (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p =>
            {
                var id = WebEncoders.Base64UrlEncode(p.CredentialId);
                return new Listed(id, p.Name ?? PasskeyName.Default, p.CreatedAt, p.IsBackedUp, used.TryGetValue(id, out var at) ? at : null);
            })
            .ToList();
    }

    /// <summary>Renames one of the person's passkeys; false when <paramref name="id"/> is not one of theirs.</summary>
    public async Task<bool> RenameAsync(AppUser user, string? id, string name)
    {
        var passkey = CredentialId(id) is { } credentialId ? await users.GetPasskeyAsync(user, credentialId) : null;
        if (passkey is null) return false;
        passkey.Name = name;
        return (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded;
    }

    /// <summary>
    /// Removes one of the person's passkeys and ends the other sessions that signed in with it (a lost or copied
    /// passkey stops working everywhere at once); this browser, <paramref name="keepSessionId"/>, stays signed in as
    /// after a password change. False when <paramref name="id"/> is not one of theirs.
    /// </summary>
    public async Task<bool> RemoveAsync(AppUser user, string? id, string? keepSessionId, CancellationToken ct = default)
    {
        var credentialId = CredentialId(id);
        if (credentialId is null || await users.GetPasskeyAsync(user, credentialId) is null) return false;
        if (!(await users.RemovePasskeyAsync(user, credentialId)).Succeeded) return false;
        await sessions.PasskeyRemovedAsync(user.Id, credentialId, keepSessionId, ct);
        return true;
    }

    /// <summary>Signs in with the browser's answer to <see cref="RequestOptionsAsync"/>.</summary>
    public async Task<SignInResult> SignInAsync(string? credentialJson)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return SignInResult.Failed;
        try { return await signIn.PasskeySignInAsync(credentialJson); }
        // InvalidOperationException: no options were asked for in this browser (or their state cookie expired).
        catch (Exception e) when (e is JsonException or PasskeyException or FormatException or InvalidOperationException)
        {
            log.LogInformation(e, "A passkey sign-in answer could not be read.");
            return SignInResult.Failed;
        }
    }

    public const string NoCredential = "Your browser did not make a passkey. Passkeys need JavaScript and a browser or device that supports them.";
    public const string NoCredentialToSignIn = "Your browser did not use a passkey. Passkeys need JavaScript and a browser or device that supports them.";
    public const string NotMade = "The passkey could not be added. Please try again.";

    private static byte[]? CredentialId(string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        try { return WebEncoders.Base64UrlDecode(id); }
        catch (FormatException) { return null; }
    }
}
