using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Tests.Text;

public class ExcerptTests
{
    [Fact]
    public void Headings_lose_their_hash_marks()
    {
        Assert.Equal("Day +12 Engraftment Neutrophils are back.",
            Excerpt.FromMarkdown("# Day +12\n\n## Engraftment ##\n\nNeutrophils are back."));
    }

    [Fact]
    public void Setext_underlines_and_thematic_breaks_disappear()
    {
        Assert.Equal("Title Text after the break.",
            Excerpt.FromMarkdown("Title\n=====\n\n---\n\nText after the break.\n\n* * *"));
    }

    [Fact]
    public void Emphasis_markers_are_removed_but_words_inside_them_stay()
    {
        Assert.Equal("So very tired and a little scared, not brave.",
            Excerpt.FromMarkdown("So **very** _tired_ and *a little* __scared__, ~~not brave~~."));
    }

    [Fact]
    public void Underscores_inside_words_are_not_emphasis()
    {
        Assert.Equal("Check lab_results_2024 today", Excerpt.FromMarkdown("Check lab_results_2024 today"));
    }

    [Fact]
    public void Links_keep_their_text_and_lose_their_target()
    {
        Assert.Equal("Read the MS Society guide and the wiki page and the FAQ.",
            Excerpt.FromMarkdown(
                "Read the [MS Society guide](https://example.org/guide \"Guide\") and the " +
                "[wiki page](https://en.wikipedia.org/wiki/HSCT_(medicine)) and the [FAQ][faq].\n\n" +
                "[faq]: https://example.org/faq"));
    }

    [Fact]
    public void Images_are_dropped_with_their_alt_text()
    {
        Assert.Equal("Before and after.",
            Excerpt.FromMarkdown("Before ![my bald head](/img/head.jpg \"Head\") and ![x][pic] after."));
    }

    [Fact]
    public void Fenced_code_blocks_are_dropped_with_their_content()
    {
        var markdown = "Intro.\n\n```csharp\nvar secret = 42;\n\nMore code\n```\n\n~~~\nmore\n~~~\n\nOutro.";

        Assert.Equal("Intro. Outro.", Excerpt.FromMarkdown(markdown));
    }

    [Fact]
    public void Inline_code_keeps_its_text_literally()
    {
        Assert.Equal("Run dotnet *test* now", Excerpt.FromMarkdown("Run `dotnet *test*` now"));
    }

    [Fact]
    public void Html_tags_are_stripped_and_script_content_is_dropped()
    {
        var markdown = "Hello <b>there</b><br>friend <!-- hidden --> <script>alert('x')</script>H<sub>2</sub>O &amp; more";

        Assert.Equal("Hello there friend H2O & more", Excerpt.FromMarkdown(markdown));
    }

    [Fact]
    public void A_less_than_sign_that_is_not_a_tag_is_kept()
    {
        Assert.Equal("CD4 < 200 means caution", Excerpt.FromMarkdown("CD4 < 200 means caution"));
    }

    [Fact]
    public void Quote_list_and_task_markers_are_removed()
    {
        var markdown = "> Quoted *words*\n> > nested\n\n- first\n* second\n1. third\n2) fourth\n- [x] done\n- [ ] todo";

        Assert.Equal("Quoted words nested first second third fourth done todo", Excerpt.FromMarkdown(markdown));
    }

    [Fact]
    public void Tables_become_their_cell_text()
    {
        var markdown = "| Day | WBC |\n|-----|----:|\n| +12 | 1.2 |";

        Assert.Equal("Day WBC +12 1.2", Excerpt.FromMarkdown(markdown));
    }

    [Fact]
    public void Backslash_escaped_characters_are_kept_literally()
    {
        Assert.Equal("2 * 3 = 6 and *not emphasis*", Excerpt.FromMarkdown(@"2 \* 3 = 6 and \*not emphasis\*"));
    }

    [Fact]
    public void Whitespace_collapses_to_single_spaces()
    {
        Assert.Equal("one two three", Excerpt.FromMarkdown("  one\n   two\t\tthree  \n"));
    }

    [Fact]
    public void A_short_text_is_returned_without_an_ellipsis()
    {
        Assert.Equal("Short and sweet.", Excerpt.FromMarkdown("Short and sweet."));
    }

    [Fact]
    public void A_long_text_is_cut_at_a_word_boundary_with_an_ellipsis_within_the_limit()
    {
        var excerpt = Excerpt.FromMarkdown("The counts are rising slowly, and the nurses are pleased today", 30);

        Assert.Equal("The counts are rising slowly…", excerpt);
        Assert.True(excerpt.Length <= 30);
    }

    [Fact]
    public void A_word_ending_exactly_at_the_limit_is_kept_whole()
    {
        Assert.Equal("abcd efgh…", Excerpt.FromMarkdown("abcd efgh ijkl", 10));
    }

    [Fact]
    public void One_word_longer_than_the_limit_is_cut_hard()
    {
        Assert.Equal("abcdefghi…", Excerpt.FromMarkdown("abcdefghijklmnop", 10));
    }

    [Fact]
    public void The_default_limit_is_280_characters()
    {
        var words = string.Join(' ', Enumerable.Repeat("lymphocytes", 100));

        var excerpt = Excerpt.FromMarkdown(words);

        Assert.True(excerpt.Length <= 280);
        Assert.EndsWith("lymphocytes…", excerpt);
    }

    [Fact]
    public void Empty_or_markup_only_source_gives_an_empty_excerpt()
    {
        Assert.Equal("", Excerpt.FromMarkdown(null));
        Assert.Equal("", Excerpt.FromMarkdown("   "));
        Assert.Equal("", Excerpt.FromMarkdown("![photo](a.jpg)\n\n```\ncode\n```"));
    }

    [Fact]
    public void An_unclosed_fence_drops_the_rest_of_the_post()
    {
        Assert.Equal("Before.", Excerpt.FromMarkdown("Before.\n\n```\nnever closed\n\nstill code"));
    }

    [Fact]
    public void A_huge_post_is_excerpted_quickly()
    {
        var markdown = string.Concat(Enumerable.Repeat("**a *b _c [d](e) ", 200_000));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var excerpt = Excerpt.FromMarkdown(markdown);

        Assert.True(excerpt.Length <= 280);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), started.Elapsed.ToString());
    }
}
