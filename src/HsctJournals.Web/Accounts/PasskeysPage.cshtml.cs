using HsctJournals.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// The signed-in person's passkeys: add one (the browser makes it; <c>js/passkeys.js</c> fetches the options and
/// fills in the form), rename or remove one. Every change is a POST with antiforgery; renaming and removing work
/// without JavaScript, making a passkey cannot (WebAuthn is a browser API), and the page says so.
/// </summary>
[Authorize]
public sealed class PasskeysPageModel(UserManager<AppUser> users, Passkeys passkeys) : PageModel
{
    public List<Passkeys.Listed> List { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? CredentialJson { get; set; }
    public string? Done { get; private set; }
    /// <summary>The passkey whose rename failed, so its error shows beside it.</summary>
    public string? RenameId { get; private set; }
    public string? RenameError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Done = done is "added" or "renamed" or "removed" ? done : null;
        List = await passkeys.ListAsync(user);
        return Page();
    }

    /// <summary>The creation options, as JSON for <c>navigator.credentials.create</c> (fetched by the script).</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Response.Headers.CacheControl = "no-store";
        return Content(await passkeys.CreationOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // ModelState is kept (both fields are strings): the name comes back as typed.
        var name = PasskeyName.Clean(Name, out var nameError);
        if (nameError is not null) ModelState.AddModelError(nameof(Name), nameError);
        else if (await passkeys.AddAsync(user, CredentialJson, name!) is { } error) ModelState.AddModelError(nameof(Name), error);
        if (!ModelState.IsValid)
        {
            CredentialJson = null;
            List = await passkeys.ListAsync(user);
            return Page();
        }
        return Redirect("/account/passkeys?done=added");
    }

    public async Task<IActionResult> OnPostRenameAsync(string? id, string? newName)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var name = PasskeyName.Clean(newName, out var nameError);
        if (nameError is null && await passkeys.RenameAsync(user, id, name!)) return Redirect("/account/passkeys?done=renamed");
        (RenameId, RenameError) = (id, nameError ?? "That passkey is not one of yours any more.");
        List = await passkeys.ListAsync(user);
        Response.StatusCode = nameError is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await passkeys.RemoveAsync(user, id, UserSessions.IdOf(User), HttpContext.RequestAborted);
        // Removing one that is already gone ends in the same place: it is not on the list.
        return Redirect("/account/passkeys?done=removed");
    }
}
