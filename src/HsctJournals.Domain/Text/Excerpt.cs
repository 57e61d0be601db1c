using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Text;

/// <summary>
/// Shortens plain text to an excerpt for listings, feeds, meta descriptions and notification e-mails.
/// The result is text, not HTML: encode it where it is shown. Posts reach here as plain text already
/// (the Web app reduces Markdown with Markdig, the same parser that renders it).
/// </summary>
public static partial class Excerpt
{
    /// <summary>The default longest excerpt, in characters, ellipsis included.</summary>
    public const int DefaultMaxLength = 280;

    /// <summary>Appended when the text was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// Collapses whitespace in <paramref name="text"/> and, when longer than <paramref name="maxLength"/>, cuts
    /// it at the last word boundary that leaves room for <see cref="Ellipsis"/> (the result including the
    /// ellipsis is at most <paramref name="maxLength"/> characters). A single word longer than the limit is cut hard.
    /// </summary>
    /// <param name="text">Plain text.</param>
    /// <param name="maxLength">At least 2 (one character plus the ellipsis).</param>
    public static string Shorten(string text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = maxLength - Ellipsis.Length;
        // A space at index `room` means the first `room` characters end on a whole word.
        var space = text.LastIndexOf(' ', room);
        var cut = space > 0 ? text[..space] : text[..room];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        // "Counts are up, …" reads worse than "Counts are up…".
        return cut.TrimEnd(' ', ',', ';', ':', '-', '–', '—', '.') + Ellipsis;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
