using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Portability;

/// <summary>
/// The signed-in person deletes their account: a decision per journal they alone own, a choice
/// for their comments, their password to confirm. Works without JavaScript; a failed form keeps
/// every choice.
/// </summary>
[Authorize]
public sealed class DeleteAccountModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDeleter deleter) : PageModel
{
    public IReadOnlyList<OwnedJournal> Journals { get; private set; } = [];
    /// <summary>Chosen value per journal: "delete" or "hand:USERID".</summary>
    public Dictionary<int, string> Choices { get; } = [];
    [BindProperty] public OwnCommentsChoice Comments { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Understood { get; set; }
    public bool NeedsPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, ct);
        // A comments choice that did not bind would otherwise be the default (keep): it is asked for again. A box
        // sent as something other than true/false is unticked, which the check below already answers.
        ModelState.Rephrase(nameof(Comments), "Choose what happens to your comments.");
        ModelState.Rephrase(nameof(Understood), null);

        var decisions = OwnedJournalDecision.FromForm(Journals, field => Request.Form[field].ToString(), Choices);
        if (NeedsPassword && !await users.CheckPasswordAsync(user, Password ?? ""))
            ModelState.AddModelError(nameof(Password), "That is not your password.");
        if (!Understood)
            ModelState.AddModelError(nameof(Understood), "Tick the box to confirm that you understand this cannot be undone.");

        var request = new AccountDeletionRequest(decisions, Comments);
        if (!ModelState.IsValid)
        {
            // Show the journal errors too, so everything to fix is on one page.
            foreach (var journal in Journals.Where(j => !decisions.Any(d => d.JournalId == j.Id)))
                ModelState.AddModelError($"Journal-{journal.Id}", $"Choose what happens to “{journal.Title}”.");
            return Page();
        }
        var result = await deleter.DeleteAsync(user, request, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var message in messages) ModelState.AddModelError(field, message);
            return Page();
        }
        await signIn.SignOutAsync();
        return Redirect("/account/deleted");
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        Journals = await deleter.SoleOwnedJournalsAsync(user.Id, ct);
        NeedsPassword = await users.HasPasswordAsync(user);
    }

    public string? ErrorFor(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
