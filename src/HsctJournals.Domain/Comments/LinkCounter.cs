using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Comments;

/// <summary>Counts the links in comment text: each "http://", "https://" or bare "www." address once.</summary>
public static partial class LinkCounter
{
    /// <summary>The number of links in <paramref name="text"/>; "https://www.x.org" counts once.</summary>
    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : LinkStart().Count(text);

    [GeneratedRegex(@"(?<![\p{L}\p{N}])https?://|(?<![\p{L}\p{N}/.@-])www\.", RegexOptions.IgnoreCase)]
    private static partial Regex LinkStart();
}
