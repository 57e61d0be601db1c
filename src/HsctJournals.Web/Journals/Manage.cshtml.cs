using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>Every post of a journal, drafts and scheduled ones included, for its writers.</summary>
[Authorize, JournalPage(JournalCapability.Write)]
public sealed class ManageModel(JournalContext here, JournalAccess access) : PageModel
{
    public Journal Journal { get; private set; } = null!;
    public List<PostSummary> Posts { get; private set; } = [];
    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, bool deleted, CancellationToken ct)
    {
        var reader = Reader.From(User);
        var writable = here.Journal;
        Journal = writable;
        Deleted = deleted;
        Posts = await PostQueries.Project(access.ReadablePosts(reader).Where(p => p.JournalId == writable.Id)
            .OrderByDescending(p => p.PublishedAt == null).ThenByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)).ToListAsync(ct);
        return Page();
    }
}
