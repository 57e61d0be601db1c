using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Tests.Text;

/// <summary>Shortening plain text to an excerpt. (Markdown is reduced to text by Markdig in the Web app.)</summary>
public class ExcerptTests
{
    [Fact]
    public void Whitespace_collapses_to_single_spaces()
    {
        Assert.Equal("one two three", Excerpt.Shorten("  one\n   two\t\tthree  \n"));
    }

    [Fact]
    public void A_short_text_is_returned_without_an_ellipsis()
    {
        Assert.Equal("Short and sweet.", Excerpt.Shorten("Short and sweet."));
    }

    [Fact]
    public void A_long_text_is_cut_at_a_word_boundary_with_an_ellipsis_within_the_limit()
    {
        var excerpt = Excerpt.Shorten("The counts are rising slowly, and the nurses are pleased today", 30);

        Assert.Equal("The counts are rising slowly…", excerpt);
        Assert.True(excerpt.Length <= 30);
    }

    [Fact]
    public void A_word_ending_exactly_at_the_limit_is_kept_whole()
    {
        Assert.Equal("abcd efgh…", Excerpt.Shorten("abcd efgh ijkl", 10));
    }

    [Fact]
    public void One_word_longer_than_the_limit_is_cut_hard()
    {
        Assert.Equal("abcdefghi…", Excerpt.Shorten("abcdefghijklmnop", 10));
    }

    [Fact]
    public void The_default_limit_is_280_characters()
    {
        var words = string.Join(' ', Enumerable.Repeat("lymphocytes", 100));

        var excerpt = Excerpt.Shorten(words);

        Assert.True(excerpt.Length <= 280);
        Assert.EndsWith("lymphocytes…", excerpt);
    }

    [Fact]
    public void Empty_text_gives_an_empty_excerpt()
    {
        Assert.Equal("", Excerpt.Shorten("   "));
    }
}
