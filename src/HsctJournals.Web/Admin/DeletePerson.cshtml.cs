using HsctJournals.Web.Shared;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Portability;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HsctJournals.Web.Admin;

/// <summary>
/// The confirm step before the site admin deletes an account: what happens to each journal the person alone owns
/// and to their comments (the same choices as their own "Delete your account"), and their address typed again.
/// </summary>
public sealed class DeletePersonModel(PersonDeletion deletion, AccountDeleter deleter) : AdminPageModel
{
    /// <summary>The account to delete (from the People page's link, then the form).</summary>
    [BindProperty(SupportsGet = true, Name = "id")] public string? UserId { get; set; }
    [BindProperty] public OwnCommentsChoice Comments { get; set; }
    [BindProperty] public string? ConfirmEmail { get; set; }

    public AppUser? Person { get; private set; }
    public IReadOnlyList<OwnedJournal> Journals { get; private set; } = [];
    public Dictionary<int, string> Choices { get; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            Notice = "That account no longer exists.";
            return Redirect("/admin/people");
        }
        var decisions = OwnedJournalDecision.FromForm(Journals, field => Request.Form[field].ToString(), Choices);
        // A comments choice that did not bind would otherwise be the default (keep): ask instead of deleting.
        if (ModelState.GetFieldValidationState(nameof(Comments)) == ModelValidationState.Invalid)
        {
            ModelState.Rephrase(nameof(Comments), "Choose what happens to their comments.");
            return Page();
        }
        var result = await deletion.DeleteAsync(User, Person!, new AccountDeletionRequest(decisions, Comments), ConfirmEmail, Journals, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var message in messages) ModelState.AddModelError(field, message);
            Error = ErrorFor("");
            return Page();
        }
        Notice = $"{Person!.DisplayName}'s account is deleted. They were sent a message saying so.";
        return Redirect("/admin/people");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Person = await deletion.FindAsync(UserId);
        if (Person is null) return false;
        Journals = await deleter.SoleOwnedJournalsAsync(Person.Id, ct);
        Refusal = PersonDeletion.Refusal(User, Person);
        return true;
    }

    public string? ErrorFor(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
