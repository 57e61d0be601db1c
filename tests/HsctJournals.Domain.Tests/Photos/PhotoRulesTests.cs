using HsctJournals.Domain.Photos;

namespace HsctJournals.Domain.Tests.Photos;

public sealed class PhotoVariantPlanTests
{
    [Fact]
    public void A_large_photo_gets_every_display_width_keeping_its_aspect_ratio() =>
        Assert.Equal([new(480, 360), new(960, 720), new(1600, 1200)], PhotoVariantPlan.For(4000, 3000));

    [Fact]
    public void A_photo_between_two_widths_is_never_enlarged_and_keeps_its_own_size_as_the_largest() =>
        Assert.Equal([new(480, 640), new(960, 1280), new(1500, 2000)], PhotoVariantPlan.For(1500, 2000));

    [Fact]
    public void A_small_photo_gets_one_variant_at_its_own_size() =>
        Assert.Equal([new(300, 200)], PhotoVariantPlan.For(300, 200));

    [Fact]
    public void A_very_wide_strip_still_has_at_least_one_pixel_of_height() =>
        Assert.Equal(1, PhotoVariantPlan.For(100_000, 1)[0].Height);
}

public sealed class SrcsetTests
{
    [Fact]
    public void Candidates_are_listed_narrowest_first_with_their_widths() =>
        Assert.Equal("/b 480w, /a 960w", Srcset.Build([("/a", 960), ("/b", 480)]));
}

public sealed class PhotoReferenceTests
{
    [Fact]
    public void Uploaded_photos_go_after_the_text_as_one_paragraph_one_per_line() =>
        Assert.Equal("Day 0.\n\n![a](photo:1)\n![b](photo:2)\n", PhotoReference.AppendTo("Day 0.\n\n", ["![a](photo:1)", "![b](photo:2)"]));

    [Fact]
    public void Photos_added_to_an_empty_post_start_it() =>
        Assert.Equal("![a](photo:1)\n", PhotoReference.AppendTo(null, ["![a](photo:1)"]));

    [Fact]
    public void No_photos_leave_the_text_as_it_is() =>
        Assert.Equal("Text  \n", PhotoReference.AppendTo("Text  \n", []));

    [Theory]
    [InlineData("photo:42", 42)]
    [InlineData("PHOTO:7", 7)]
    public void A_well_formed_reference_names_a_photo_id(string url, int id)
    {
        Assert.True(PhotoReference.TryParse(url, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("photo:")]
    [InlineData("photo:0")]
    [InlineData("photo:-3")]
    [InlineData("photo:12abc")]
    [InlineData("photo:99999999999")]
    [InlineData("https://example.org/photo:1")]
    public void Anything_else_is_not_a_reference(string? url) => Assert.False(PhotoReference.TryParse(url, out _));

    [Fact]
    public void Markdown_for_a_photo_escapes_brackets_in_the_alt_text() =>
        Assert.Equal(@"![Me \[left\] and Mum](photo:5)", PhotoReference.Markdown(5, "Me [left] and Mum"));
}

public sealed class ImageSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ImageKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, ImageKind.Png)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, ImageKind.Gif)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, ImageKind.WebP)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, ImageKind.Executable)]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }, ImageKind.Executable)]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4 }, ImageKind.Archive)]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, ImageKind.Svg)]
    [InlineData(new byte[0], ImageKind.Empty)]
    public void Files_are_recognised_by_their_first_bytes(byte[] head, ImageKind kind) => Assert.Equal(kind, ImageSniffer.Detect(head));

    [Fact]
    public void Avif_and_heic_are_told_apart_by_their_brands()
    {
        static byte[] Ftyp(string major, params string[] compatible) =>
            [0, 0, 0, (byte)(16 + 4 * compatible.Length), .. "ftyp"u8, .. System.Text.Encoding.ASCII.GetBytes(major), 0, 0, 0, 0,
             .. compatible.SelectMany(System.Text.Encoding.ASCII.GetBytes)];
        Assert.Equal(ImageKind.Avif, ImageSniffer.Detect(Ftyp("avif", "mif1", "miaf")));
        Assert.Equal(ImageKind.Avif, ImageSniffer.Detect(Ftyp("mif1", "avif")));
        Assert.Equal(ImageKind.Heic, ImageSniffer.Detect(Ftyp("heic", "mif1")));
        Assert.Equal(ImageKind.Heic, ImageSniffer.Detect(Ftyp("mif1", "heic")));
        Assert.Equal(ImageKind.Archive, ImageSniffer.Detect(Ftyp("isom", "mp41")));
    }

    [Theory]
    [InlineData("image/jpeg; charset=binary", ImageKind.Jpeg)]
    [InlineData("application/octet-stream", ImageKind.Unknown)]
    [InlineData(null, ImageKind.Unknown)]
    public void Declared_types_are_read_without_parameters(string? type, ImageKind kind) => Assert.Equal(kind, ImageSniffer.FromContentType(type));
}

public sealed class PhotoTextTests
{
    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData(@"C:\Users\me\IMG_1.JPG", "IMG_1.JPG")]
    [InlineData("a\u0000b\u202Ec.jpg", "abc.jpg")]
    [InlineData("..", "photo")]
    [InlineData(null, "photo")]
    public void File_names_keep_only_their_last_segment_and_no_control_characters(string? name, string safe) =>
        Assert.Equal(safe, PhotoText.SafeFileName(name));

    [Fact]
    public void Alt_text_is_needed_unless_the_photo_is_decorative()
    {
        Assert.NotNull(PhotoText.AltTextProblem(" ", decorative: false));
        Assert.Null(PhotoText.AltTextProblem("", decorative: true));
        Assert.Null(PhotoText.AltTextProblem("Me and the nurse", decorative: false));
        Assert.Contains("at most 500", PhotoText.AltTextProblem(new string('a', 10_000), decorative: true));
    }
}
