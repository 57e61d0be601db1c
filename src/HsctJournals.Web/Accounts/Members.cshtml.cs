using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// The owner's people page: members and their roles, requests to read, invitations. Anyone
/// else gets 404, exactly as for a journal that does not exist.
/// </summary>
[Authorize, JournalPage(JournalCapability.Own)]
public sealed class MembersModel(JournalContext here, JournalMembership membership, AccessRequests requests, Invitations invitations) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    public List<JournalMembership.Row> Members { get; private set; } = [];
    public List<AccessRequests.Pending> Requests { get; private set; } = [];
    public List<Invitations.Pending> PendingInvitations { get; private set; } = [];

    /// <summary>The add/invite form's address, kept when the form comes back.</summary>
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public JournalRole Role { get; set; } = JournalRole.ApprovedReader;

    /// <summary>The member a row's role or remove form acts on.</summary>
    [BindProperty] public string? UserId { get; set; }
    /// <summary>The role chosen in a member's row.</summary>
    [BindProperty] public JournalRole? NewRole { get; set; }
    /// <summary>The request a row's approve or decline form answers.</summary>
    [BindProperty] public int RequestId { get; set; }
    /// <summary>The invitation a row's revoke form withdraws.</summary>
    [BindProperty] public int InvitationId { get; set; }

    /// <summary>The outcome of the last action, shown once after the redirect.</summary>
    [TempData] public string? Notice { get; set; }
    public string? Error { get; private set; }
    /// <summary>Set when the address has no account, to offer an invitation instead.</summary>
    public bool OfferInvitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, CancellationToken ct) =>
        await LoadAsync(journal, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(string journal, CancellationToken ct) =>
        Act(journal, keepForm: true, ct, () => membership.AddByEmailAsync(Journal, Email, BoundRole, ct));

    public Task<IActionResult> OnPostInviteAsync(string journal, CancellationToken ct) =>
        Act(journal, keepForm: true, ct, () => invitations.InviteAsync(Journal, Email, BoundRole, ct));

    /// <summary>
    /// The chosen role, or one no use case accepts when what was sent did not bind: binding leaves <see cref="Role"/>
    /// at its default (approved reader), which must not be granted by accident; the use case answers with its sentence.
    /// </summary>
    private JournalRole BoundRole => ModelState.GetFieldValidationState(nameof(Role)) == ModelValidationState.Invalid ? (JournalRole)(-1) : Role;

    public Task<IActionResult> OnPostRoleAsync(string journal, CancellationToken ct) =>
        Act(journal, keepForm: false, ct, () => membership.ChangeRoleAsync(Journal, UserId ?? "", NewRole ?? (JournalRole)(-1), ct));

    public Task<IActionResult> OnPostRemoveAsync(string journal, CancellationToken ct) =>
        Act(journal, keepForm: false, ct, () => membership.RemoveAsync(Journal, UserId ?? "", ct));

    public Task<IActionResult> OnPostApproveAsync(string journal, CancellationToken ct) =>
        Act(journal, keepForm: false, ct, () => requests.ApproveAsync(Journal, RequestId, ct));

    public Task<IActionResult> OnPostDeclineAsync(string journal, CancellationToken ct) =>
        Act(journal, keepForm: false, ct, () => requests.DeclineAsync(Journal, RequestId, ct));

    public Task<IActionResult> OnPostRevokeAsync(string journal, CancellationToken ct) =>
        Act(journal, keepForm: false, ct, () => invitations.RevokeAsync(Journal, InvitationId, ct));

    /// <summary>
    /// Runs one owner action. Success redirects (so a reload does not repeat it); a failure
    /// re-shows the page with the message, and the add form keeps what was typed.
    /// </summary>
    private async Task<IActionResult> Act(string journal, bool keepForm, CancellationToken ct, Func<Task<MembershipResult>> action)
    {
        var owned = here.Journal;
        Journal = owned;
        // Bad enum or id values are answered by the use cases with a sentence (an id that did not bind is 0, which
        // matches nothing; a role, see BoundRole), so binding's own messages are not shown; ModelState is kept so
        // the add form shows what was typed.
        var result = await action();
        if (result.Succeeded)
        {
            Notice = result.Message;
            return Redirect($"/j/{owned.Slug}/members");
        }
        if (keepForm) ModelState.AddModelError(nameof(Email), result.Message);
        else Error = result.Message;
        // Each row's form shows that row's own values, not the ones the failed form sent: the row controls
        // (asp-for) read ModelState before the model, so what a row form posted goes; the add form's stays.
        (UserId, NewRole) = (null, null);
        foreach (var rowField in new[] { nameof(UserId), nameof(NewRole), nameof(RequestId), nameof(InvitationId) })
            ModelState.Remove(rowField);
        OfferInvitation = result.NoAccount;
        Notice = null;
        await LoadListsAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var owned = here.Journal;
        Journal = owned;
        await LoadListsAsync(ct);
        return true;
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Members = await membership.ListAsync(Journal.Id, ct);
        Requests = await requests.PendingAsync(Journal.Id, ct);
        PendingInvitations = await invitations.PendingAsync(Journal.Id, ct);
    }
}
