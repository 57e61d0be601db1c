using System.Text.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals.Search;

/// <summary>
/// Full-text search over posts, ranked, with highlighted snippets. The index is SQLite FTS5 or a
/// PostgreSQL tsvector column (see the SearchIndex migrations); which posts may match is decided
/// by the one access rule inside the same SQL query, so drafts, scheduled posts and posts of
/// journals the reader may not open are never found, nor counted.
/// </summary>
public sealed class PostSearch(JournalsDbContext db, JournalAccess access)
{
    public const int PageSize = 10;

    private const int SnippetTokens = 32;

    private sealed record Match(int Id, double Score);
    private sealed record Marked(int Id, string? Title, string? Snippet);

    /// <summary>
    /// Searches live posts the reader may read: in the request's journal when <paramref name="inJournal"/> is given
    /// (resolved for this reader, so the read rule is not asked again: the journal's live posts), otherwise in the
    /// journals the site lists for the reader (public ones and their own, never someone else's unlisted journal).
    /// </summary>
    public async Task<SearchResults> SearchAsync(string? query, Reader reader, JournalContext? inJournal, int page, CancellationToken ct = default)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.IsEmpty) return SearchResults.None(PageSize);

        IQueryable<Post> readable;
        if (inJournal is not null)
        {
            readable = access.LivePostsOf(inJournal);
        }
        else
        {
            var listed = access.ListedJournals(reader).Select(j => j.Id);
            readable = access.LivePosts(reader).Where(p => listed.Contains(p.JournalId));
        }

        var hits = from m in Matches(terms)
                   join p in readable on m.Id equals p.Id
                   select new { m.Score, Post = p };
        var total = await hits.CountAsync(ct);
        if (total == 0) return SearchResults.None(PageSize);

        var pageCount = (total + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pageCount);
        var rows = await hits
            .OrderByDescending(h => h.Score).ThenByDescending(h => h.Post.PublishedAt).ThenByDescending(h => h.Post.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(h => new
            {
                h.Post.Id, h.Post.Title, h.Post.Slug, h.Post.PublishedAt,
                JournalSlug = h.Post.Journal.Slug, JournalTitle = h.Post.Journal.Title,
            })
            .AsNoTracking().ToListAsync(ct);

        // Snippets only for the page shown: they are the expensive part.
        var marked = await MarkedAsync(terms, rows.Select(r => r.Id).ToArray(), ct);
        var list = rows.Select(r =>
        {
            var m = marked.GetValueOrDefault(r.Id);
            return new SearchHit(r.Id, r.Title, SearchHighlight.ToHtml(m?.Title ?? r.Title), r.Slug,
                r.JournalSlug, r.JournalTitle, r.PublishedAt, SearchHighlight.ToHtml(m?.Snippet));
        }).ToList();
        return new SearchResults(list, total, page, PageSize);
    }

    /// <summary>Every post that matches, with a score where higher is better; no access rule yet.</summary>
    /// <remarks>
    /// SQLite: bm25 weighs a title hit ten times a text hit (bm25 is lower-is-better, hence the minus).
    /// PostgreSQL: setweight gave the title weight A (1.0) and the text B (0.4), which ts_rank_cd applies.
    /// </remarks>
    private IQueryable<Match> Matches(SearchTerms terms) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<Match>($"""
            SELECT p."Id", ts_rank_cd(p."SearchVector", q)::float8 AS "Score"
            FROM "Posts" AS p, plainto_tsquery('simple', {terms.ToPlainText()}) AS q
            WHERE p."SearchVector" @@ q
            """)
        : db.Database.SqlQuery<Match>($"""
            SELECT rowid AS "Id", -bm25("PostSearch", 10.0, 1.0) AS "Score"
            FROM "PostSearch"
            WHERE "PostSearch" MATCH {terms.ToFts5Query()}
            """);

    private async Task<Dictionary<int, Marked>> MarkedAsync(SearchTerms terms, int[] ids, CancellationToken ct)
    {
        var start = SearchHighlight.Start.ToString();
        var stop = SearchHighlight.Stop.ToString();
        List<Marked> rows;
        if (db.Database.IsNpgsql())
        {
            var titleOptions = $"StartSel={start}, StopSel={stop}, HighlightAll=true";
            var textOptions = $"StartSel={start}, StopSel={stop}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
            rows = await db.Database.SqlQuery<Marked>($"""
                SELECT p."Id",
                       ts_headline('simple', p."Title", q, {titleOptions}) AS "Title",
                       ts_headline('simple', p."PlainText", q, {textOptions}) AS "Snippet"
                FROM "Posts" AS p, plainto_tsquery('simple', {terms.ToPlainText()}) AS q
                WHERE p."Id" = ANY({ids})
                """).ToListAsync(ct);
        }
        else
        {
            var idList = JsonSerializer.Serialize(ids);
            rows = await db.Database.SqlQuery<Marked>($"""
                SELECT rowid AS "Id",
                       highlight("PostSearch", 0, {start}, {stop}) AS "Title",
                       snippet("PostSearch", 1, {start}, {stop}, '…', {SnippetTokens}) AS "Snippet"
                FROM "PostSearch"
                WHERE "PostSearch" MATCH {terms.ToFts5Query()} AND rowid IN (SELECT value FROM json_each({idList}))
                """).ToListAsync(ct);
        }
        return rows.ToDictionary(r => r.Id);
    }
}
