using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Comments;

/// <summary>A comment as moderators see it: the only view that carries the author's e-mail address.</summary>
public sealed record QueueItem(
    int Id, int PostId, string PostSlug, string PostTitle, int? ParentId, string? ParentAuthor, string AuthorName, string AuthorEmail,
    string? Website, string Text, DateTime CreatedAt, CommentStatus Status, string? ModerationNote, bool SignedIn);

/// <summary>One page of the queue.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads a journal's comments for its moderators. Callers hold the Moderate capability (<see cref="Journals.JournalContext"/>).</summary>
public sealed class ModerationQueue(JournalsDbContext db)
{
    public const int PageSize = 30;

    /// <summary>How many comments are in each status.</summary>
    public async Task<Dictionary<CommentStatus, int>> CountsAsync(int journalId, CancellationToken ct)
    {
        var counts = await db.Comments.Where(c => c.Post.JournalId == journalId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>How many comments wait for moderation: compiled (decision 0061), since a moderator's every journal page shows it.</summary>
    public Task<int> PendingCountAsync(int journalId, CancellationToken ct) => PendingCountQuery.For(db)(db, journalId, ct);

    private static readonly CompiledQuery<Func<JournalsDbContext, int, CancellationToken, Task<int>>> PendingCountQuery = new(() =>
        EF.CompileAsyncQuery((JournalsDbContext db, int journalId, CancellationToken ct) =>
            db.Comments.Count(c => c.Post.JournalId == journalId && c.Status == CommentStatus.Pending)));

    /// <summary>Newest first; <paramref name="search"/> matches text, name, e-mail or website (case-insensitive).</summary>
    public async Task<QueuePage> ListAsync(int journalId, CommentStatus status, string? search, int page, CancellationToken ct)
    {
        var query = db.Comments.AsNoTracking().Where(c => c.Post.JournalId == journalId && c.Status == status);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(c => c.Text.ToLower().Contains(term) || c.AuthorName.ToLower().Contains(term)
                || c.AuthorEmail.ToLower().Contains(term) || (c.AuthorWebsite != null && c.AuthorWebsite.ToLower().Contains(term)));
        }
        var total = await query.CountAsync(ct);
        var number = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(c => new QueueItem(c.Id, c.PostId, c.Post.Slug, c.Post.Title, c.ParentId, c.Parent != null ? c.Parent.AuthorName : null,
                c.AuthorName, c.AuthorEmail, c.AuthorWebsite, c.Text, c.CreatedAt, c.Status, c.ModerationNote, c.UserId != null))
            .ToListAsync(ct);
        return new QueuePage(items, number, PageSize, total);
    }

    /// <summary>One comment of the journal, or null.</summary>
    public Task<QueueItem?> FindAsync(int journalId, int id, CancellationToken ct) =>
        db.Comments.AsNoTracking().Where(c => c.Id == id && c.Post.JournalId == journalId)
            .Select(c => new QueueItem(c.Id, c.PostId, c.Post.Slug, c.Post.Title, c.ParentId, c.Parent != null ? c.Parent.AuthorName : null,
                c.AuthorName, c.AuthorEmail, c.AuthorWebsite, c.Text, c.CreatedAt, c.Status, c.ModerationNote, c.UserId != null))
            .FirstOrDefaultAsync(ct);
}
