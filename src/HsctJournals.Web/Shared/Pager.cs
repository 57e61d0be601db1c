namespace HsctJournals.Web.Shared;

/// <summary>Page links for a list; <see cref="BasePath"/> may already carry a query string.</summary>
public sealed record Pager(string BasePath, int Page, int Total, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string Href(int page) => page <= 1 ? BasePath : BasePath + (BasePath.Contains('?') ? "&" : "?") + "page=" + page;
}
