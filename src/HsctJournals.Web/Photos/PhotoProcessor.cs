using System.Security.Cryptography;
using HsctJournals.Domain.Photos;
using NetVips;

namespace HsctJournals.Web.Photos;

/// <summary>A display variant made at upload: its bytes (already without metadata) and where they go.</summary>
public sealed record ProcessedVariant(int Width, int Height, PhotoFormat Format, byte[] Bytes)
{
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

/// <summary>What processing made of an upload, or why it could not.</summary>
public sealed record ProcessedPhoto(int Width, int Height, bool WasAnimated, IReadOnlyList<ProcessedVariant> Variants);

/// <summary>
/// Turns an uploaded image file into display variants with libvips (NetVips): the header is read
/// first and the pixel limit applied before any pixels are decoded; the EXIF orientation is
/// applied; every variant is re-encoded with no metadata at all (no EXIF, GPS, XMP, IPTC or ICC —
/// colours are converted to sRGB first), as WebP and as a JPEG fallback.
/// </summary>
public sealed class PhotoProcessor
{
    static PhotoProcessor()
    {
        // No operation cache: every upload is a new temporary file, and cached results of a
        // reused file name could otherwise be served for different content.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
    }

    public const int WebPQuality = 78;
    public const int JpegQuality = 82;

    /// <exception cref="PhotoRefusedException">The image is too large, damaged or unreadable.</exception>
    public ProcessedPhoto Process(string path, ImageKind kind, long maxPixels)
    {
        int width, height;
        bool animated;
        try
        {
            // Only the header is read here: libvips decodes pixels lazily.
            using var header = Image.NewFromFile(path, access: Enums.Access.Sequential);
            var pages = header.Contains("n-pages") ? Math.Max(1, (int)header.Get("n-pages")) : 1;
            animated = kind is ImageKind.Gif or ImageKind.WebP && pages > 1;
            if ((long)header.Width * header.Height > maxPixels)
                throw new PhotoRefusedException(PhotoProblem.TooManyPixels,
                    $"The image is {header.Width:N0} × {header.Height:N0} pixels; photos can have at most {maxPixels / 1_000_000.0:0.#} megapixels. Send a smaller copy (phones' \"large\" size is plenty).");
            // Orientation 5–8 swaps width and height.
            var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
            (width, height) = orientation >= 5 ? (header.Height, header.Width) : (header.Width, header.Height);
        }
        catch (VipsException)
        {
            throw Damaged();
        }

        try
        {
            var variants = new List<ProcessedVariant>();
            foreach (var size in PhotoVariantPlan.For(width, height))
            {
                // thumbnail: shrink-on-load, applies the EXIF orientation, converts to sRGB;
                // fail on truncated or corrupt data instead of showing a grey half.
                using var streamed = Image.Thumbnail(path, size.Width, height: size.Height, size: Enums.Size.Force,
                    outputProfile: "srgb", failOn: Enums.FailOn.Truncated);
                // The file is read once, top to bottom; both encodings then read the small result from memory.
                using var scaled = streamed.CopyMemory();
                variants.Add(new ProcessedVariant(scaled.Width, scaled.Height, PhotoFormat.WebP,
                    scaled.WebpsaveBuffer(q: WebPQuality, keep: Enums.ForeignKeep.None)));
                using var opaque = scaled.HasAlpha() ? scaled.Flatten(background: [255, 255, 255]) : scaled.Copy();
                variants.Add(new ProcessedVariant(opaque.Width, opaque.Height, PhotoFormat.Jpeg,
                    opaque.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None)));
            }
            return new ProcessedPhoto(width, height, animated, variants);
        }
        catch (VipsException)
        {
            throw Damaged();
        }
    }

    private static PhotoRefusedException Damaged() => new(PhotoProblem.Damaged,
        "The image could not be read: the file looks damaged or incomplete (perhaps the upload was cut off). Try sending it again, or save it again as JPEG.");
}
