using Microsoft.AspNetCore.Html;

namespace HsctJournals.Web.Journals.Search;

/// <summary>One post that matched, as the results list shows it.</summary>
/// <param name="Title">The plain title (for link text alternatives).</param>
/// <param name="TitleHtml">The title, encoded, with the matched words in &lt;mark&gt;.</param>
/// <param name="Snippet">A passage of the text around the matches, encoded, with &lt;mark&gt;.</param>
public sealed record SearchHit(
    int PostId,
    string Title,
    IHtmlContent TitleHtml,
    string PostSlug,
    string JournalSlug,
    string JournalTitle,
    DateTime? PublishedAt,
    IHtmlContent Snippet)
{
    public string Url => $"/j/{JournalSlug}/posts/{PostSlug}";
}

/// <summary>A page of ranked hits and how many readable posts matched in all.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize)
{
    public static SearchResults None(int pageSize) => new([], 0, 1, pageSize);
}
