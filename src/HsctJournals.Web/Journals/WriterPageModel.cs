using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>Base for pages that change a post: the journal must be writable by the reader and the post must be in it, else 404.</summary>
[Authorize, JournalPage(JournalCapability.Write)]
public abstract class WriterPageModel(JournalContext here, JournalsDbContext db) : PageModel
{
    protected JournalsDbContext Db { get; } = db;
    public Journal Journal { get; private set; } = null!;
    public Post Post { get; private set; } = null!;
    protected string UserId => Reader.From(User).UserId!;

    protected async Task<bool> LoadAsync(string journal, string slug, CancellationToken ct)
    {
        var writable = here.Journal;
        var post = await Db.Posts.FirstOrDefaultAsync(p => p.JournalId == writable.Id && p.Slug == slug, ct);
        if (post is null) return false;
        (Journal, Post) = (writable, post);
        return true;
    }
}
