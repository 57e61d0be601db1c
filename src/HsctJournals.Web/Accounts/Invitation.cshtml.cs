using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// The secret link from an invitation e-mail. Signed-in visitors see the journal's title and
/// accept with a POST; others are asked to sign in or register and come back. An unknown, used,
/// revoked or expired link answers 404 with an explanation.
/// </summary>
public sealed class InvitationModel(Invitations invitations) : PageModel
{
    public Invitations.Open? Invitation { get; private set; }
    public bool SignedIn => Reader.From(User).IsSignedIn;
    /// <summary>This page's own path, for the sign-in and register links' returnUrl.</summary>
    public string ReturnUrl => Request.Path;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.FindOpenAsync(token, ct);
        if (Invitation is null) return Gone();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var userId = Reader.From(User).UserId;
        if (userId is null)
        {
            Invitation = await invitations.FindOpenAsync(token, ct);
            return Invitation is null ? Gone() : Page();
        }
        var accepted = await invitations.AcceptAsync(token, userId, ct);
        return accepted is null ? Gone() : Redirect($"/j/{accepted.JournalSlug}");
    }

    // The page explains itself with status 404, so the link looks like any address that leads nowhere.
    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
