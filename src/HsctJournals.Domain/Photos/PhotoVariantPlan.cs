namespace HsctJournals.Domain.Photos;

/// <summary>One display size of a photo.</summary>
public sealed record VariantSize(int Width, int Height);

/// <summary>
/// Which display widths a photo gets. Never wider than the original (no upscaling); a photo
/// narrower than the smallest width gets one variant at its own size.
/// </summary>
public static class PhotoVariantPlan
{
    /// <summary>Display widths, small to large: a phone column, a laptop column, a full-size view.</summary>
    public static readonly int[] Widths = [480, 960, 1600];

    /// <summary>The width the lightbox and the "full size" link use.</summary>
    public static int FullWidth => Widths[^1];

    /// <summary>The variant sizes of a <paramref name="width"/> × <paramref name="height"/> photo, narrowest first.</summary>
    public static IReadOnlyList<VariantSize> For(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "A photo has a positive size.");
        var sizes = Widths.Where(w => w < width).Select(w => Scaled(width, height, w)).ToList();
        if (width <= Widths[^1]) sizes.Add(new VariantSize(width, height));
        return sizes;
    }

    /// <summary>The height at <paramref name="targetWidth"/>, keeping the aspect ratio, at least 1 pixel.</summary>
    public static VariantSize Scaled(int width, int height, int targetWidth) =>
        new(targetWidth, Math.Max(1, (int)Math.Round((double)height * targetWidth / width, MidpointRounding.AwayFromZero)));
}
