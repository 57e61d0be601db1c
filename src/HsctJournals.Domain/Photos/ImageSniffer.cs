using System.Text;

namespace HsctJournals.Domain.Photos;

/// <summary>
/// Recognises a file by its leading bytes ("magic numbers"), never by its name or the type the
/// browser claims: a renamed program is still a program. Needs the first <see cref="HeadLength"/>
/// bytes (fewer for short files).
/// </summary>
public static class ImageSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 64;

    /// <summary>The kind of file <paramref name="head"/> (its first bytes) starts.</summary>
    public static ImageKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty) return ImageKind.Empty;
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return ImageKind.Jpeg;
        if (head.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return ImageKind.Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return ImageKind.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ImageKind.WebP;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return IsoMediaKind(head);
        if (head.StartsWith("MZ"u8) || head.StartsWith((byte[])[0x7F, (byte)'E', (byte)'L', (byte)'F'])
            || head.StartsWith((byte[])[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((byte[])[0xCE, 0xFA, 0xED, 0xFE])
            || head.StartsWith((byte[])[0xCA, 0xFE, 0xBA, 0xBE]) || head.StartsWith("#!"u8))
            return ImageKind.Executable;
        if (head.StartsWith("PK"u8) || head.StartsWith("%PDF"u8) || head.StartsWith((byte[])[0x1F, 0x8B])
            || head.StartsWith("Rar!"u8) || head.StartsWith((byte[])[0x37, 0x7A, 0xBC, 0xAF]))
            return ImageKind.Archive;
        if (LooksLikeSvg(head)) return ImageKind.Svg;
        return ImageKind.Unknown;
    }

    /// <summary>The kind a browser-declared MIME type names, or <see cref="ImageKind.Unknown"/> for a generic or missing one.</summary>
    public static ImageKind FromContentType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "image/jpeg" or "image/jpg" or "image/pjpeg" => ImageKind.Jpeg,
        "image/png" => ImageKind.Png,
        "image/gif" => ImageKind.Gif,
        "image/webp" => ImageKind.WebP,
        "image/avif" => ImageKind.Avif,
        "image/heic" or "image/heif" or "image/heic-sequence" or "image/heif-sequence" => ImageKind.Heic,
        "image/svg+xml" => ImageKind.Svg,
        _ => ImageKind.Unknown,
    };

    /// <summary>The kind a file name's extension names, or <see cref="ImageKind.Unknown"/>.</summary>
    public static ImageKind FromFileName(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" or ".jpe" or ".jfif" => ImageKind.Jpeg,
        ".png" => ImageKind.Png,
        ".gif" => ImageKind.Gif,
        ".webp" => ImageKind.WebP,
        ".avif" => ImageKind.Avif,
        ".heic" or ".heif" => ImageKind.Heic,
        ".svg" or ".svgz" => ImageKind.Svg,
        ".exe" or ".dll" or ".com" or ".bat" or ".cmd" or ".sh" or ".msi" or ".scr" or ".js" or ".ps1" => ImageKind.Executable,
        _ => ImageKind.Unknown,
    };

    // ISO base media (HEIF family): the major brand and the compatible brands decide AVIF vs HEIC.
    private static ImageKind IsoMediaKind(ReadOnlySpan<byte> head)
    {
        var boxSize = (int)Math.Min((uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]), (uint)head.Length);
        var brands = new List<string>();
        for (var i = 8; i + 4 <= boxSize; i += 4)
        {
            if (i == 12) continue; // minor version, not a brand
            brands.Add(Encoding.ASCII.GetString(head.Slice(i, 4)));
        }
        if (brands.Contains("avif") || brands.Contains("avis")) return ImageKind.Avif;
        if (brands.Any(b => b is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1")) return ImageKind.Heic;
        return ImageKind.Archive; // MP4, MOV and the like: a video, not a photo
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<');
    }
}
