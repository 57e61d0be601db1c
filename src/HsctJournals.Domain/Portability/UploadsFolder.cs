using System.Text.RegularExpressions;

namespace HsctJournals.Domain.Portability;

/// <summary>
/// How an address on an old WordPress site (<c>https://old.example/wp-content/uploads/2019/03/day-0-1024x768.jpg</c>)
/// finds its file in a zip of the <c>wp-content/uploads</c> folder. Both sides become a path
/// relative to the uploads folder (<c>2019/03/day-0-1024x768.jpg</c>), whatever folder the zip was
/// made from; the original upload is preferred to the resized copies WordPress made of it, so the
/// journal's own variants are cut from the best picture there is.
/// </summary>
public static partial class UploadsFolder
{
    private const string Marker = "wp-content/uploads/";

    /// <summary>The path under the uploads folder that an image address points at, or null when it is not an uploads address.</summary>
    public static string? PathOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
        var at = path.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = Uri.UnescapeDataString(path[(at + Marker.Length)..]).Replace('\\', '/').Trim('/');
        return IsSafeRelative(rest) && rest.Length > 0 ? rest : null;
    }

    /// <summary>
    /// A zip entry's path relative to the uploads folder: everything up to a <c>wp-content/uploads/</c>
    /// or <c>uploads/</c> folder is dropped (the zip may be of the site, of <c>wp-content</c>, of
    /// <c>uploads</c> or of its contents). Null for folders.
    /// </summary>
    public static string? KeyOf(string entryName)
    {
        var name = entryName.Replace('\\', '/');
        if (name.EndsWith('/')) return null;
        var at = name.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at >= 0) return name[(at + Marker.Length)..];
        return name.StartsWith("uploads/", StringComparison.OrdinalIgnoreCase) ? name["uploads/".Length..] : name;
    }

    /// <summary>
    /// The files to look for, best first: the original (<c>day-0.jpg</c>), WordPress's "scaled" copy
    /// of a large original (<c>day-0-scaled.jpg</c>, since 5.3), then exactly the file referenced.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string path)
    {
        var list = new List<string>();
        var match = Resized().Match(path);
        if (match.Success)
        {
            var stem = match.Groups["stem"].Value;
            var extension = match.Groups["ext"].Value;
            list.Add(stem + extension);
            list.Add(stem + "-scaled" + extension);
        }
        list.Add(path);
        return list.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>False for a path that is absolute, names a drive, or climbs out with "..": never a file of the uploads folder.</summary>
    public static bool IsSafeRelative(string path)
    {
        var name = path.Replace('\\', '/');
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':')) return false;
        return name.Split('/').All(segment => segment != "..");
    }

    [GeneratedRegex(@"^(?<stem>.+?)(?:-\d{1,5}x\d{1,5}|-scaled)(?<ext>\.[A-Za-z0-9]{2,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex Resized();
}
