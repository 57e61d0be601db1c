using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals.Search;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Search: across the journals the site lists for the reader at /search, or within one readable
/// journal at /j/{journal}/search (404 when the reader may not open it, as everywhere).
/// </summary>
public sealed class SearchModel(JournalContext context, PostSearch search) : JournalPageModel(context)
{
    /// <summary>What the visitor typed; kept in the box whatever happens.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>Set when the query cannot be searched as typed (too long).</summary>
    public string? QueryError { get; private set; }
    public bool InJournal { get; private set; }
    /// <summary>Null when there was nothing to search for.</summary>
    public SearchResults? Results { get; private set; }
    public Pager? Pager { get; private set; }
    /// <summary>Where the form sends the query: this journal's search or the site's.</summary>
    public string FormAction => InJournal ? $"/j/{Journal.Slug}/search" : "/search";

    public async Task<IActionResult> OnGetAsync(string? journal, [FromQuery(Name = "page")] int page = 1, CancellationToken ct = default)
    {
        // At /j/{journal}/search the filter has resolved the journal (or answered 404); at /search there is none.
        if (Context.IsResolved)
        {
            InJournal = true;
        }
        else
        {
            Meta.Description = "Search the posts of every journal on this site.";
        }
        // Result lists are for people, not for search engines.
        Meta.NoIndex = true;

        if (string.IsNullOrWhiteSpace(Query)) return Page();
        if (Query.Length > SearchTerms.MaxQueryLength)
        {
            QueryError = $"Search for at most {SearchTerms.MaxQueryLength} characters (this was {Query.Length}). A few distinctive words work best.";
            return Page();
        }

        Results = await search.SearchAsync(Query, CurrentReader, InJournal ? Context : null, page, ct);
        Pager = new Pager($"{FormAction}?q={Uri.EscapeDataString(Query)}", Results.Page, Results.Total, Results.PageSize,
            "← Better matches", "More results →");
        return Page();
    }
}
