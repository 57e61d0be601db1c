namespace HsctJournals.Domain.Photos;

/// <summary>What the first bytes of an uploaded file say it is, whatever its name or declared type.</summary>
public enum ImageKind
{
    /// <summary>Not recognised.</summary>
    Unknown,
    /// <summary>No bytes at all.</summary>
    Empty,
    /// <summary>JPEG.</summary>
    Jpeg,
    /// <summary>PNG.</summary>
    Png,
    /// <summary>GIF (87a or 89a).</summary>
    Gif,
    /// <summary>WebP (RIFF container).</summary>
    WebP,
    /// <summary>AVIF (AV1 in HEIF).</summary>
    Avif,
    /// <summary>HEIC/HEIF from phones (HEVC-coded).</summary>
    Heic,
    /// <summary>SVG or other XML/HTML text.</summary>
    Svg,
    /// <summary>A program (Windows PE, ELF, Mach-O, script with a shebang).</summary>
    Executable,
    /// <summary>A ZIP, PDF or other container that is not an image.</summary>
    Archive,
}
