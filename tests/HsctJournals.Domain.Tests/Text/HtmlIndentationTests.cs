using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Tests.Text;

public class HtmlIndentationTests
{
    [Fact]
    public void Indentation_between_tags_becomes_one_line_break()
    {
        var html = "<li>\n            <article>\n                <header>\n    \r\n   <span>Jo</span>\n            </header>\n</article>\n        </li>";

        Assert.Equal("<li>\n<article>\n<header>\n<span>Jo</span>\n</header>\n</article>\n</li>", HtmlIndentation.Collapse(html));
    }

    [Theory]
    [InlineData("<a href=\"#c1\">Jo</a> <span>in reply to</span>")] // a space between inline tags shows
    [InlineData("<b>x</b>  \t <i>y</i>")] // a run without a line break is left to the browser
    [InlineData("<p>first line<br>\n    indented second line</p>")] // whitespace before text is the text's
    [InlineData("<p>Jo wrote:\n\n   fine   </p>")] // text between tags is never touched
    [InlineData("<li>\n<article>\n</article>\n</li>")] // already collapsed: the same string back
    [InlineData("")]
    [InlineData("no tags at all\n   here")]
    [InlineData("<p>ends open>\n   ")]
    public void Anything_else_is_left_as_it_is(string html)
    {
        Assert.Same(html, HtmlIndentation.Collapse(html));
    }

    [Fact]
    public void Non_breaking_and_other_unicode_spaces_are_not_whitespace_to_collapse()
    {
        var html = "<b>x</b>\u00a0\n  <i>y</i>";

        Assert.Equal(html, HtmlIndentation.Collapse(html));
    }

    [Fact]
    public void A_run_at_the_very_start_or_end_is_kept()
    {
        Assert.Equal("\n   <ol>\n<li></li>\n</ol>\n  ", HtmlIndentation.Collapse("\n   <ol>\n    <li></li>\n  </ol>\n  "));
    }
}
