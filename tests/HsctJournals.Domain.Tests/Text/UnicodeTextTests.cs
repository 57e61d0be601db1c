using System.Text;
using HsctJournals.Domain.Comments;
using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Tests.Text;

public class UnicodeTextTests
{
    [Theory]
    [InlineData("a\0b", "ab")]
    [InlineData("Day\uFFFE 12", "Day 12")]
    [InlineData("x\uFFFFy\uFDD0z\uFDEF", "xyz")]
    [InlineData("plane one \U0001FFFE end", "plane one  end")]
    public void Nul_noncharacters_and_unpaired_surrogates_are_removed(string input, string expected)
    {
        Assert.False(UnicodeText.IsClean(input));
        Assert.Equal(expected, UnicodeText.Clean(input));
    }

    [Fact]
    public void Unpaired_surrogates_are_removed()
    {
        // Built in code: attribute strings cannot carry an unpaired surrogate.
        var high = "lone " + (char)0xD800 + " high";
        var low = "lone " + (char)0xDC00 + " low";
        Assert.Equal("lone  high", UnicodeText.Clean(high));
        Assert.Equal("lone  low", UnicodeText.Clean(low));
        Assert.Equal("x", UnicodeText.Clean("x" + (char)0xD800));
    }

    [Theory]
    [InlineData("Día +12 🩸 Engraftment")]
    [InlineData("李小龙\t\r\n")]
    [InlineData("")]
    public void Ordinary_text_including_emoji_and_line_breaks_is_kept_as_it_is(string input)
    {
        Assert.True(UnicodeText.IsClean(input));
        Assert.Same(input, UnicodeText.Clean(input));
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("Title \uFFFE with \0 junk")]
    [InlineData("\U0010FFFF")]
    public void Slugs_duplicate_checks_and_initials_never_throw_on_what_a_client_can_send(string input)
    {
        Assert.True(Slug.IsValid(Slug.From(input)) || Slug.From(input).Length == 0);
        _ = DuplicateComment.NormaliseText(input);
        _ = Avatar.Initials(input);
        _ = UnicodeText.Normalize(input, NormalizationForm.FormKD);
    }

    [Fact]
    public void A_title_with_a_noncharacter_gets_the_slug_of_the_title_without_it()
    {
        Assert.Equal("day-12-home", Slug.From("Day 12\uFFFE home"));
    }
}
