using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Followers;

/// <summary>
/// "Follow by e-mail" for a journal the reader can read (404 otherwise, as for a missing journal).
/// The journal home carries the same form (<c>_FollowForm</c>); this page shows it on its own,
/// with errors, and the "check your inbox" answer — the same whether or not the address follows.
/// </summary>
[IgnoreAntiforgeryToken] // checked by FormGuard: the form also sits on cached anonymous pages, without a token
public sealed class FollowModel(JournalContext context, Following following, UserManager<AppUser> users, FormGuard guard) : JournalPageModel(context)
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public FollowFrequency Frequency { get; set; } = FollowFrequency.Instant;
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, bool sent, CancellationToken ct)
    {
        Meta.NoIndex = true;
        Sent = sent;
        Email = (await users.GetUserAsync(User))?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, CancellationToken ct)
    {
        Meta.NoIndex = true;
        // An unknown frequency is not worth an error on a one-field form: it follows with the default.
        if (!Enum.IsDefined(Frequency)) Frequency = FollowFrequency.Instant;
        if (!await guard.IsValidAsync(HttpContext))
        {
            ModelState.AddModelError(nameof(Email), "This form was sent from another site or had been open too long. Please press Follow again.");
            return Page();
        }
        var error = Following.ValidateEmail(Email)
            ?? await following.FollowAsync(Journal, CurrentReader, (await users.GetUserAsync(User))?.Email, Email!, Frequency, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Email), error);
            return Page();
        }
        return Redirect($"/j/{Uri.EscapeDataString(Journal.Slug)}/follow?sent=true");
    }
}
