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
}
