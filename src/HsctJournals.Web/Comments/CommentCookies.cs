using System.Text.Json;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.DataProtection;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The two cookies of a commenter's browser: a secret that identifies their own comments (its hash is
/// <see cref="Comment.AuthorTokenHash"/>; it lets them see their held comment and edit for a while), and,
/// only if they ticked the box, their name, e-mail and website for the next comment (protected).
/// </summary>
public sealed class CommentCookies(IDataProtectionProvider protection)
{
    public const string AuthorCookie = "hsct_commenter";
    public const string DetailsCookie = "hsct_comment_details";
    private readonly IDataProtector _details = protection.CreateProtector("HsctJournals.Comments.RememberedDetails.v1");

    /// <summary>The hash of this browser's commenter secret, or null when it has none.</summary>
    public static string? AuthorTokenHash(HttpRequest request) =>
        request.Cookies.TryGetValue(AuthorCookie, out var secret) && secret.Length is > 20 and < 200 ? SecretTokens.Hash(secret) : null;

    /// <summary>The hash of this browser's secret, creating the secret (and cookie) when there is none.</summary>
    public static string EnsureAuthorToken(HttpContext http)
    {
        if (AuthorTokenHash(http.Request) is { } existing) return existing;
        var secret = SecretTokens.New();
        http.Response.Cookies.Append(AuthorCookie, secret, Options(http, TimeSpan.FromDays(30)));
        return SecretTokens.Hash(secret);
    }

    /// <summary>Remembered name, e-mail and website, or null.</summary>
    public RememberedDetails? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(DetailsCookie, out var value)) return null;
        try
        {
            return JsonSerializer.Deserialize<RememberedDetails>(_details.Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Remembers the details when <paramref name="remember"/> is ticked, forgets them otherwise.</summary>
    public void Write(HttpContext http, bool remember, RememberedDetails details)
    {
        if (remember)
            http.Response.Cookies.Append(DetailsCookie, _details.Protect(JsonSerializer.Serialize(details)), Options(http, TimeSpan.FromDays(365)));
        else if (http.Request.Cookies.ContainsKey(DetailsCookie))
            http.Response.Cookies.Delete(DetailsCookie, Options(http, TimeSpan.Zero));
    }

    private static CookieOptions Options(HttpContext http, TimeSpan maxAge) => new()
    {
        HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
        MaxAge = maxAge, Path = "/",
    };
}

/// <summary>What the "remember me" cookie holds.</summary>
public sealed record RememberedDetails(string Name, string Email, string? Website);
