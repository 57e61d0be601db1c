using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Portability.YourComments;

/// <summary>What the mailed link opens: the address's comments, a download, and erasure (text kept or removed, the writer's choice).</summary>
public sealed class ManageCommentsModel(CommentsByAddress comments, CommentAddressLinks links, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    public string? Email { get; private set; }
    public List<AddressComment> Comments { get; private set; } = [];
    public int? Erased { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Open()) return Page();
        Comments = await comments.ListAsync(Email!, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (!Open()) return Page();
        return File(await comments.ExportAsync(Email!, ct), "application/json", $"your-comments.{clock.GetUtcNow():yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (!Open()) return Page();
        if (Text is not ("keep" or "remove"))
            ModelState.AddModelError(nameof(Text), "Choose whether the words of your comments stay (signed “Deleted user”) or go.");
        if (!Confirm)
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm: erasing cannot be undone.");
        if (!ModelState.IsValid)
        {
            Comments = await comments.ListAsync(Email!, ct);
            return Page();
        }
        Erased = await comments.EraseAsync(Email!, Text == "remove", ct);
        return Page();
    }

    /// <summary>True when the link is good; otherwise the page says it is not (expired, altered or cut short).</summary>
    private bool Open()
    {
        Email = links.Read(Token);
        if (Email is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Email is not null;
    }
}
