using System.Globalization;
using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Portability;

/// <summary>
/// Photo references (<c>photo:N</c>) in a post's source, renumbered when the photos get new ids
/// (a restored backup, a second installation). Only references in a link or image target are
/// touched — after "(" of Markdown or a quote of an HTML attribute — never the words "photo:12" in
/// running text.
/// </summary>
public static partial class PhotoRenumbering
{
    /// <summary>
    /// <paramref name="source"/> with each reference to a key of <paramref name="newIds"/> pointing at
    /// its value. References to photos not in the map are left as they are (the editor reports them).
    /// </summary>
    public static string Apply(string source, IReadOnlyDictionary<int, int> newIds)
    {
        if (newIds.Count == 0 || !source.Contains("photo:", StringComparison.OrdinalIgnoreCase)) return source;
        return Reference().Replace(source, m =>
            int.TryParse(m.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && newIds.TryGetValue(id, out var to)
                ? m.Groups["lead"].Value + "photo:" + to.ToString(CultureInfo.InvariantCulture)
                : m.Value);
    }

    [GeneratedRegex("""(?<lead>[("'<]\s*)photo:(?<id>[0-9]{1,9})(?![0-9])""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
