using System.Security.Claims;
using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

using HsctJournals.Web.Shared;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Api;

/// <summary>/api/v1/tokens: exchange a password for a personal access token, list and revoke your tokens.</summary>
public static class TokensApi
{
    private const string WrongCredentials = "The e-mail address or password is not right.";

    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapPost("/", CreateAsync).AllowAnonymous().RequireRateLimiting(TokenRateLimit.Policy).WithoutToken()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("CreateToken")
            .WithSummary("Create a personal access token with your e-mail address and password")
            .WithDescription("Rate-limited per client address and per e-mail address (429 with Retry-After); the answers are the same " +
                             "whether or not the address has an account. " +
                             "Accounts with two-factor authentication create tokens on the website at /account/tokens.");
        tokens.MapGet("/", ListAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("ListTokens").WithSummary("Your tokens that still work (never their secrets)");
        tokens.MapDelete("/{id:int}", RevokeAsync).RequireAuthorization(ApiAuth.Policy)
            .WithName("RevokeToken").WithSummary("Revoke one of your tokens");
        return api;
    }

    public static async Task<Results<Created<CreatedTokenDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountThrottle throttle, ApiTokens tokens,
        HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["Email"] = ["Give the e-mail address of your account."];
        if (string.IsNullOrEmpty(request.Password)) errors["Password"] = ["Give your password."];
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = ["Give the token a name, such as the app or script that will use it."];
        else if (name.Length > ApiTokens.NameMaxLength) errors["Name"] = [$"The name can be at most {ApiTokens.NameMaxLength} characters."];
        if (errors.Count > 0) return ApiProblems.Validation(errors);

        var (allowed, retryAfter) = await throttle.TryAttemptAsync(http, request.Email!);
        if (!allowed)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts",
                detail: $"Too many attempts for this e-mail address. Try again in {retryAfter} seconds.");
        }
        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null)
        {
            DecoyPassword.Verify(users.PasswordHasher, request.Password!);
            return Unauthorized();
        }

        // Checks the password before anything else (SessionSignInManager), and never locks the account.
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: false);
        if (check.IsLockedOut)
            return ApiProblems.Forbidden("This account is locked. Sign in on the website to see why.");
        if (check.IsNotAllowed)
            return ApiProblems.Forbidden("This account cannot sign in yet. Confirm your e-mail address on the website first.");
        if (!check.Succeeded) return Unauthorized();
        // A password alone must not get around a second factor.
        if (user.TwoFactorEnabled)
            return ApiProblems.Forbidden("Your account uses two-factor authentication: create tokens on the website at /account/tokens.");

        var created = await tokens.CreateAsync(user.Id, name, ct);
        if (!created.Succeeded) return ApiProblems.Validation(created.Errors);
        var (token, secret) = created.Value!;
        return TypedResults.Created("/api/v1/tokens", new CreatedTokenDto(token.Id, secret, token.Name, token.Prefix, token.CreatedAt));
    }

    public static async Task<Ok<List<TokenDto>>> ListAsync(ClaimsPrincipal user, ApiTokens tokens, CancellationToken ct)
    {
        var list = await tokens.ListAsync(Reader.From(user).UserId!, ct);
        return TypedResults.Ok(list.Select(TokenDto.From).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(int id, ClaimsPrincipal user, ApiTokens tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(Reader.From(user).UserId!, id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "You have no token with that id.");

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong e-mail address or password", detail: WrongCredentials);
}
