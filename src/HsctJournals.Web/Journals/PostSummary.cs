namespace HsctJournals.Web.Journals;

/// <summary>A post as lists show it: title, byline facts and excerpt.</summary>
public sealed record PostSummary(
    int Id,
    string Title,
    string Slug,
    string JournalSlug,
    string JournalTitle,
    string AuthorName,
    DateTime? PublishedAt,
    PostStatus Status,
    string? CategoryName,
    string? CategorySlug,
    int CommentCount,
    string Excerpt)
{
    /// <summary>"Day +12" when the journal shows day numbers and its course has a Day 0; set by <see cref="DayLabels"/>.</summary>
    public string? DayLabel { get; init; }
    public string Url => PostLink.UrlOf(JournalSlug, Slug);
}

/// <summary>A link to a post: its title and address (the post page's previous and next).</summary>
public sealed record PostLink(string Title, string Url)
{
    /// <summary>A post's address within its journal.</summary>
    public static string UrlOf(string journalSlug, string postSlug) => $"/j/{journalSlug}/posts/{postSlug}";
}
