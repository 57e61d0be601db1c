using System.Linq.Expressions;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// One post of a journal by slug, projected by <c>shown</c>, compiled twice: any post (for a reader who writes for the
/// journal) and live posts only (everyone else, <see cref="Post.LiveAt"/>'s rule). <see cref="JournalAccess.FindReadablePostAsync{T}"/>
/// picks one by the reader's role, so the choice stays in <see cref="JournalAccess"/> and the live rule in <see cref="Post"/>.
/// </summary>
public sealed class ReadablePostQuery<T>(Expression<Func<Post, T>> shown) where T : class
{
    internal CompiledQuery<Func<JournalsDbContext, int, string, CancellationToken, Task<T?>>> AnyPost { get; } = new(() =>
        EF.CompileAsyncQuery((JournalsDbContext db, int journalId, string slug, CancellationToken ct) =>
            db.Posts.AsNoTracking().Where(p => p.JournalId == journalId && p.Slug == slug).Select(shown).FirstOrDefault()));

    internal CompiledQuery<Func<JournalsDbContext, int, string, DateTime, CancellationToken, Task<T?>>> LivePost { get; } = new(() =>
        EF.CompileAsyncQuery(Post.WithLiveRule<Func<JournalsDbContext, int, string, DateTime, CancellationToken, T?>>((db, journalId, slug, now, ct) =>
            db.Posts.AsNoTracking().Where(p => p.JournalId == journalId && p.Slug == slug && Post.IsLiveStandIn(p, now)).Select(shown).FirstOrDefault())));
}
