using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>Earlier versions of a post, a line diff against the current text (DiffPlex), and restore.</summary>
public sealed class RevisionsModel(JournalContext here, JournalsDbContext db, PostEditor editor) : WriterPageModel(here, db)
{
    public sealed record DiffLine(string CssClass, string Prefix, string Text);

    public List<PostRevision> Revisions { get; private set; } = [];
    public PostRevision? Selected { get; private set; }
    public List<DiffLine> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string journal, string slug, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        Revisions = await Db.PostRevisions.Where(r => r.PostId == Post.Id).OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).AsNoTracking().ToListAsync(ct);
        if (id is not null)
        {
            Selected = Revisions.FirstOrDefault(r => r.Id == id);
            if (Selected is null) return NotFound();
            var model = InlineDiffBuilder.Diff($"# {Selected.Title}\n\n{Selected.Markdown}", $"# {Post.Title}\n\n{Post.Markdown}");
            Diff = model.Lines.Select(l => l.Type switch
            {
                ChangeType.Inserted => new DiffLine("diff-add", "+", l.Text),
                ChangeType.Deleted => new DiffLine("diff-del", "−", l.Text),
                _ => new DiffLine("", " ", l.Text),
            }).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string journal, string slug, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, ct)) return NotFound();
        var revision = await Db.PostRevisions.FirstOrDefaultAsync(r => r.Id == id && r.PostId == Post.Id, ct);
        if (revision is null) return NotFound();
        await editor.RestoreAsync(Post, revision, UserId, ct);
        return Redirect($"/j/{Journal.Slug}/posts/{Post.Slug}");
    }
}
