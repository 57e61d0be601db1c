using System.Globalization;

namespace HsctJournals.Domain.Photos;

/// <summary>
/// How Markdown points at a photo of the same journal: <c>![alt text](photo:42)</c>. The number
/// is the photo's id; it is resolved only among the post's own journal's photos.
/// </summary>
public static class PhotoReference
{
    /// <summary>The URL scheme of a reference.</summary>
    public const string Scheme = "photo:";

    /// <summary>The reference to photo <paramref name="photoId"/>.</summary>
    public static string For(int photoId) => Scheme + photoId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Markdown that shows the photo with <paramref name="altText"/>; brackets in the text are escaped.</summary>
    public static string Markdown(int photoId, string altText) =>
        $"![{EscapeAlt(altText)}]({For(photoId)})";

    /// <summary>
    /// <paramref name="markdown"/> with <paramref name="references"/> added as a paragraph of its own at
    /// the end (where a form without JavaScript, which knows no cursor, puts new photos); one per line,
    /// so several become one gallery.
    /// </summary>
    public static string AppendTo(string? markdown, IEnumerable<string> references)
    {
        var block = string.Join("\n", references);
        if (block.Length == 0) return markdown ?? "";
        var text = (markdown ?? "").TrimEnd();
        return text.Length == 0 ? block + "\n" : text + "\n\n" + block + "\n";
    }

    /// <summary>The photo id in <paramref name="url"/> when it is a well-formed reference.</summary>
    public static bool TryParse(string? url, out int photoId)
    {
        photoId = 0;
        if (url is null || !url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var digits = url.AsSpan(Scheme.Length).Trim();
        return digits.Length is > 0 and <= 9 && digits.IndexOfAnyExceptInRange('0', '9') < 0
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out photoId) && photoId > 0;
    }

    private static string EscapeAlt(string text) =>
        text.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]").ReplaceLineEndings(" ");
}
