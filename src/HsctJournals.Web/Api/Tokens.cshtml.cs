using HsctJournals.Web.Shared;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Api;

/// <summary>
/// Account settings for personal access tokens: create one (its secret is shown once, on the
/// response to the POST, never again), see which exist and when they were last used, revoke them.
/// </summary>
[Authorize]
public sealed class TokensModel(ApiTokens tokens, JournalsDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    public List<ApiToken> Tokens { get; private set; } = [];
    public CreatedToken? Created { get; private set; }
    public bool Revoked { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    private string UserId => Reader.From(User).UserId!;

    public async Task OnGetAsync(bool revoked, CancellationToken ct)
    {
        Revoked = revoked;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await tokens.CreateAsync(UserId, Name, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, prefix: "");
        }
        else
        {
            Created = result.Value;
            // A fresh form for the next token, not the name just used.
            ModelState.Remove(nameof(Name));
            Name = null;
            // The secret is in this response only: keep it out of every cache.
            Response.Headers.CacheControl = "no-store";
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(UserId, id, ct)) return NotFound();
        return Redirect("/account/tokens?revoked=true");
    }

    public string Local(DateTime utc) => UserTimeZone.Local(utc, Zone);

    private async Task LoadAsync(CancellationToken ct)
    {
        Tokens = await tokens.ListAsync(UserId, ct);
        Zone = await UserTimeZone.FindAsync(db, UserId, ct);
    }
}
