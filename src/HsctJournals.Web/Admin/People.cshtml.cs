using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Admin;

/// <summary>Find an account; lock, unlock, make or stop making an admin.</summary>
public sealed class PeopleModel(PeopleAdministration people) : AdminPageModel
{
    /// <summary>The search box: part of a name or address.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public List<PeopleAdministration.Person> People { get; private set; } = [];

    /// <summary>The account a row's button acts on.</summary>
    [BindProperty] public string? UserId { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) => ActAsync(() => people.LockAsync(User, UserId, ct), () => LoadAsync(ct));
    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) => ActAsync(() => people.UnlockAsync(User, UserId, ct), () => LoadAsync(ct));
    public Task<IActionResult> OnPostMakeAdminAsync(CancellationToken ct) => ActAsync(() => people.MakeAdminAsync(User, UserId, ct), () => LoadAsync(ct));
    public Task<IActionResult> OnPostRemoveAdminAsync(CancellationToken ct) => ActAsync(() => people.RemoveAdminAsync(User, UserId, ct), () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) => People = await people.SearchAsync(Query, ct);
}
