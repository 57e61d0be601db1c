using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Journals;

/// <summary>The header above every journal page (<c>&lt;vc:journal-header heading="…" /&gt;</c>), from the request's <see cref="JournalContext"/>.</summary>
public sealed class JournalHeaderViewComponent(JournalContext journal, JournalHeaderLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? heading = null)
    {
        var j = journal.Journal;
        return View("/Journals/_JournalHeader.cshtml",
            new JournalHeader(j.Slug, j.Title, j.Tagline, heading, await links.ForRequestAsync(HttpContext.RequestAborted),
                VisibilityBadge.For(journal.Role, j.Visibility, j.AwaitingListing)));
    }
}
