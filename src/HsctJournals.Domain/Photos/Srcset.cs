namespace HsctJournals.Domain.Photos;

/// <summary>The <c>srcset</c> and <c>sizes</c> attributes of a responsive image.</summary>
public static class Srcset
{
    /// <summary>Sizes of a picture in the post column. A post column is at most about 45 rem (720 px) wide; a gallery cell about a third of it.</summary>
    public const string ColumnSizes = "(max-width: 48rem) 100vw, 45rem";
    /// <summary>Sizes of a picture in a gallery grid.</summary>
    public const string GallerySizes = "(max-width: 32rem) 50vw, 15rem";

    /// <summary>"url 480w, url 960w" from (url, width) pairs, narrowest first.</summary>
    public static string Build(IEnumerable<(string Url, int Width)> candidates) =>
        string.Join(", ", candidates.OrderBy(c => c.Width).Select(c => $"{c.Url} {c.Width}w"));

    /// <summary>The (url, width) candidates of a srcset written with width descriptors; other candidates get width 0.</summary>
    public static IReadOnlyList<(string Url, int Width)> Parse(string srcset) =>
        srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(candidate => candidate.Split((char[])[' ', '\t', '\n'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length > 0)
            .Select(parts => (parts[0], parts.Length == 2 && parts[1].EndsWith('w') && int.TryParse(parts[1].AsSpan(0, parts[1].Length - 1),
                System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0))
            .ToList();

    /// <summary><paramref name="srcset"/> with each candidate's URL passed through <paramref name="map"/>, descriptors kept.</summary>
    public static string Map(string srcset, Func<string, string> map) =>
        string.Join(", ", srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(candidate =>
        {
            var space = candidate.IndexOfAny([' ', '\t', '\n']);
            return space < 0 ? map(candidate) : map(candidate[..space]) + candidate[space..];
        }));
}
