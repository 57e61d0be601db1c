using System.Globalization;
using System.Text;
using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Portability;

/// <summary>
/// Names of the entries in a backup zip. Every name is built from a slug or a sanitised file name,
/// so no entry can climb out of the folder it is unpacked into (no "..", no absolute path, no
/// backslash) on any operating system.
/// </summary>
public static class BackupPaths
{
    /// <summary>The complete journal in the documented format.</summary>
    public const string Json = "journal.json";
    /// <summary>What is in the zip, in plain words.</summary>
    public const string ReadMe = "README.txt";
    /// <summary>The static copy's first page.</summary>
    public const string SiteIndex = "site/index.html";
    /// <summary>The static copy's list of every post by month and category.</summary>
    public const string SiteArchive = "site/archive.html";

    /// <summary>posts/2024-04-02-harvest-day.md: sorted by date in any file browser.</summary>
    public static string MarkdownFile(DateTime date, string slug) =>
        $"posts/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{SafeSegment(slug)}.md";

    /// <summary>site/posts/harvest-day.html.</summary>
    public static string SitePost(string slug) => $"site/posts/{SafeSegment(slug)}.html";

    /// <summary>photos/12-IMG_0001.jpg: the id keeps names unique, the original name keeps them recognisable.</summary>
    public static string PhotoFile(int photoId, string fileName) =>
        $"photos/{photoId.ToString(CultureInfo.InvariantCulture)}-{SafeSegment(fileName)}";

    /// <summary>True when <paramref name="entry"/> is a name this class could have written: a relative path without climbing.</summary>
    public static bool IsSafe(string entry) =>
        entry.Length is > 0 and <= 300 && !entry.StartsWith('/') && !entry.Contains('\\') && !entry.Contains(':')
        && entry.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    /// <summary>Letters, digits, '.', '-' and '_' only (others become '-'); never empty, never only dots.</summary>
    public static string SafeSegment(string name)
    {
        var folded = AsciiFolding.Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        var safe = sb.ToString().Trim('.', '-');
        if (safe.Length > 100) safe = safe[^100..].TrimStart('.', '-');
        return safe.Length == 0 ? "file" : safe;
    }
}
