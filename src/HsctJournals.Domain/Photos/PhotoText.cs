namespace HsctJournals.Domain.Photos;

/// <summary>Limits and checks for what a writer types about a photo.</summary>
public static class PhotoText
{
    /// <summary>Alt text is read aloud in full by screen readers; a long description belongs in the caption.</summary>
    public const int AltTextMaxLength = 500;
    /// <summary>Longest caption.</summary>
    public const int CaptionMaxLength = 2000;
    /// <summary>Longest kept file name.</summary>
    public const int FileNameMaxLength = 120;

    /// <summary>Why alt text matters, said wherever it is asked for.</summary>
    public const string WhyAltText = "Alt text tells people who cannot see the photo (screen-reader users, slow connections) what it shows.";

    /// <summary>A message when the alt text is missing or too long, else null.</summary>
    public static string? AltTextProblem(string? altText, bool decorative)
    {
        var text = altText?.Trim() ?? "";
        if (text.Length > AltTextMaxLength)
            return $"Alt text can be at most {AltTextMaxLength} characters (it has {text.Length:N0}); put a longer description in the caption.";
        if (text.Length == 0 && !decorative)
            return $"Describe the photo in a few words, or mark it as decorative. {WhyAltText}";
        return null;
    }

    /// <summary>A message when the caption is too long, else null.</summary>
    public static string? CaptionProblem(string? caption) =>
        (caption?.Trim().Length ?? 0) > CaptionMaxLength ? $"A caption can be at most {CaptionMaxLength:N0} characters." : null;

    /// <summary>
    /// A file name safe to keep and show: the last path segment only (no <c>../</c>), no control or
    /// format characters, trimmed to <see cref="FileNameMaxLength"/>; "photo" when nothing is left.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray()).Trim().Trim('.');
        if (name.Length > FileNameMaxLength) name = name[..FileNameMaxLength];
        return name.Length == 0 ? "photo" : name;
    }
}
