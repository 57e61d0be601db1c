using System.Text;
using System.Xml.Linq;
using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class AvatarTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef-0123456");
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("another-key-0123456789abcdef-0123");

    [Fact]
    public void The_e_mail_address_never_appears_in_the_avatar()
    {
        var avatar = Avatar.Create(Key, "marta.lopez@example.org", "Marta López");

        foreach (var output in new[] { avatar.Id, avatar.Initials, avatar.Background, avatar.Svg, avatar.ToString() })
        {
            Assert.DoesNotContain("marta.lopez", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("example.org", output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_same_address_gives_the_same_avatar_whatever_its_case_or_spacing()
    {
        var a = Avatar.Create(Key, "Jo@Example.org ", "Jo");
        var b = Avatar.Create(Key, "jo@example.org", "Jo");

        Assert.Equal(a, b);
    }

    [Fact]
    public void A_different_key_gives_a_different_identifier()
    {
        Assert.NotEqual(Avatar.Create(Key, "jo@example.org", "Jo").Id, Avatar.Create(OtherKey, "jo@example.org", "Jo").Id);
    }

    [Fact]
    public void Different_addresses_usually_get_different_colours()
    {
        var colours = Enumerable.Range(0, 50).Select(i => Avatar.Create(Key, $"reader{i}@example.org", "R").Background).Distinct();

        Assert.True(colours.Count() > 40);
    }

    [Fact]
    public void White_initials_meet_wcag_aa_contrast_on_every_background()
    {
        for (var i = 0; i < 2000; i++)
        {
            var background = Avatar.Create(Key, $"reader{i}@example.org", "R").Background;

            Assert.Matches("^#[0-9a-f]{6}$", background);
            Assert.True(Avatar.ContrastRatio(background, "#ffffff") >= 4.5, background);
        }
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    public void Contrast_ratio_follows_wcag(string a, string b, double expected)
    {
        Assert.Equal(expected, Avatar.ContrastRatio(a, b), precision: 2);
    }

    [Theory]
    [InlineData("Marta López", "ML")]
    [InlineData("jo", "J")]
    [InlineData("  ana   maría  de la cruz ", "AC")]
    [InlineData("Élodie Ørsted", "ÉØ")]
    [InlineData("李 小龙", "李小")]
    [InlineData("(Mum) Sarah", "MS")]
    [InlineData("🌻 Sunny", "S")]
    [InlineData("🌻", "?")]
    [InlineData("", "?")]
    [InlineData(null, "?")]
    public void Initials_come_from_the_first_and_last_words_of_the_name(string? name, string expected)
    {
        Assert.Equal(expected, Avatar.Initials(name));
    }

    [Fact]
    public void The_svg_is_well_formed_and_shows_the_initials_on_the_background()
    {
        var avatar = Avatar.Create(Key, "jo@example.org", "Jo Smith", size: 40);

        // Inline SVG for HTML pages: no xmlns, the HTML parser gives <svg> its namespace.
        var svg = XElement.Parse(avatar.Svg);
        Assert.Equal("svg", svg.Name);
        Assert.Equal("40", (string?)svg.Attribute("width"));
        Assert.Equal(avatar.Background, (string?)svg.Element("circle")!.Attribute("fill"));
        var text = svg.Element("text")!;
        Assert.Equal("JS", text.Value);
        Assert.Equal("#fff", (string?)text.Attribute("fill"));
    }

    [Fact]
    public void Markup_in_a_name_cannot_reach_the_svg()
    {
        var avatar = Avatar.Create(Key, "x@example.org", "<script>alert(1)</script> &amp;");

        Assert.DoesNotContain("<script", avatar.Svg);
        Assert.Equal("SA", avatar.Initials);
        XElement.Parse(avatar.Svg);
    }

    [Fact]
    public void A_missing_or_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Avatar.Create(new byte[8], "x@example.org", "X"));
        Assert.Throws<ArgumentNullException>(() => Avatar.Create(null!, "x@example.org", "X"));
    }
}
