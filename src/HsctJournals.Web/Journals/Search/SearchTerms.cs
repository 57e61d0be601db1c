namespace HsctJournals.Web.Journals.Search;

/// <summary>
/// What a visitor typed into the search box, reduced to plain terms that can never be read as
/// search syntax: no operators, no column filters, no prefix stars, no control characters.
/// </summary>
/// <remarks>
/// The terms are the visitor's whitespace-separated words that contain at least one letter or
/// digit. Each database's own tokenizer then splits them exactly as it split the posts, so
/// "covid-19" or "Café" find what the index holds. Everything else (quotes, brackets, emoji, a
/// lone "*") is dropped, and a query left with no term finds nothing rather than everything.
/// </remarks>
public sealed class SearchTerms
{
    /// <summary>Longer queries are refused with a message; nobody searches a journal with an essay.</summary>
    public const int MaxQueryLength = 200;
    /// <summary>Enough for any real question; more terms only make the query slower.</summary>
    public const int MaxTerms = 16;

    private SearchTerms(IReadOnlyList<string> terms) => Terms = terms;

    /// <summary>The words searched for (all of them must occur in a post).</summary>
    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new SearchTerms([]);
        if (text.Length > MaxQueryLength) text = text[..MaxQueryLength];
        var terms = Clean(text)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .ToList();
        return new SearchTerms(terms);
    }

    /// <summary>
    /// An FTS5 MATCH expression: every term as a double-quoted string (a quote inside doubled), joined
    /// by spaces, which FTS5 reads as AND. Inside quotes AND, OR, NOT, NEAR, ":" and "*" are plain text.
    /// </summary>
    public string ToFts5Query() => string.Join(' ', Terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));

    /// <summary>The terms as plain text for PostgreSQL's plainto_tsquery, which ANDs the words and reads no operators.</summary>
    public string ToPlainText() => string.Join(' ', Terms);

    // Control characters (NUL above all: PostgreSQL refuses it in text, and it would end an FTS5
    // string early) and lone surrogates (which no encoder accepts) become spaces.
    private static string Clean(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsControl(chars[i]) || char.IsSurrogate(chars[i])) chars[i] = ' ';
        }
        return new string(chars);
    }
}
