namespace HsctJournals.Web.Shared;

/// <summary>Page links for a list; <see cref="BasePath"/> may already carry a query string.</summary>
/// <remarks>The labels default to a newest-first list of posts; lists in another order (search results) name their own.</remarks>
public sealed record Pager(string BasePath, int Page, int Total, int PageSize,
    string PreviousLabel = "← Newer posts", string NextLabel = "Older posts →")
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string Href(int page) => page <= 1 ? BasePath : BasePath + (BasePath.Contains('?') ? "&" : "?") + "page=" + page;
}
