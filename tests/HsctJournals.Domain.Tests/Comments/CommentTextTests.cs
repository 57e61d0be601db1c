using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class CommentTextTests
{
    [Fact]
    public void Html_in_a_comment_is_encoded_not_rendered()
    {
        Assert.Equal("<p>&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>",
            CommentText.ToHtml("<script>alert(\"hi\")</script> & 'quotes'"));
    }

    [Fact]
    public void A_blank_line_starts_a_new_paragraph_and_a_single_newline_is_a_line_break()
    {
        Assert.Equal("<p>Dear Marta,<br>\nthinking of you.</p>\n<p>Love, Jo</p>",
            CommentText.ToHtml("Dear Marta,\r\nthinking of you.\r\n\r\n  \r\n\r\nLove, Jo\r\n"));
    }

    [Fact]
    public void An_http_url_becomes_a_nofollow_ugc_link()
    {
        Assert.Equal("<p>See <a href=\"https://example.org/guide\" rel=\"nofollow ugc noopener\">https://example.org/guide</a> today</p>",
            CommentText.ToHtml("See https://example.org/guide today"));
    }

    [Theory]
    [InlineData("Read https://example.org/a.", "https://example.org/a", ".")]
    [InlineData("(see https://example.org/a)", "https://example.org/a", ")")]
    [InlineData("Wow https://example.org/a!?", "https://example.org/a", "!?")]
    [InlineData("at https://example.org/a, then", "https://example.org/a", ", then")]
    public void Trailing_punctuation_is_not_part_of_the_link(string text, string url, string after)
    {
        var html = CommentText.ToHtml(text);

        Assert.Contains($"<a href=\"{url}\" rel=\"nofollow ugc noopener\">{url}</a>{System.Net.WebUtility.HtmlEncode(after)}", html);
    }

    [Fact]
    public void A_closing_bracket_that_the_url_opened_stays_in_the_link()
    {
        var html = CommentText.ToHtml("(https://en.wikipedia.org/wiki/HSCT_(medicine))");

        Assert.Contains(">https://en.wikipedia.org/wiki/HSCT_(medicine)</a>)", html);
    }

    [Fact]
    public void The_url_is_encoded_inside_the_link()
    {
        var html = CommentText.ToHtml("https://example.org/?a=1&b='x'&c=2");

        Assert.Contains("href=\"https://example.org/?a=1&amp;b=&#39;x&#39;&amp;c=2\"", html);
        Assert.DoesNotContain("b='x'", html);
    }

    [Fact]
    public void A_quote_cannot_break_out_of_the_href()
    {
        var html = CommentText.ToHtml("https://example.org/\"onmouseover=\"alert(1)");

        Assert.Contains("<a href=\"https://example.org/\" rel=\"nofollow ugc noopener\">", html);
        Assert.Contains("&quot;onmouseover=&quot;alert(1)", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("ftp://example.org/file")]
    [InlineData("https://")]
    [InlineData("www.example.org")]
    public void Only_http_and_https_addresses_with_a_host_are_linked(string text)
    {
        Assert.DoesNotContain("<a ", CommentText.ToHtml(text));
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        Assert.Equal("<p>ab</p>", CommentText.ToHtml("a\0\u0007b"));
    }

    [Fact]
    public void Empty_text_gives_empty_html()
    {
        Assert.Equal("", CommentText.ToHtml("  \n\n "));
        Assert.Equal("", CommentText.ToHtml(null));
    }

    [Fact]
    public void The_length_limit_is_five_thousand_characters()
    {
        Assert.Equal(5000, CommentText.MaxLength);
        Assert.Null(CommentText.Validate(new string('x', 5000)));
        Assert.NotNull(CommentText.Validate(new string('x', 5001)));
    }

    [Fact]
    public void Windows_line_endings_do_not_count_twice_towards_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("abcd\r\n", 1000)); // 6000 raw, 5000 normalised minus the trimmed end

        Assert.Null(CommentText.Validate(text));
    }

    [Fact]
    public void A_blank_comment_is_not_valid_and_the_message_says_so()
    {
        Assert.Equal("Please write a comment.", CommentText.Validate(" \n\t "));
    }

    [Fact]
    public void The_too_long_message_tells_the_length_and_the_limit()
    {
        Assert.Equal("Your comment is 5,200 characters long; the limit is 5,000. Please shorten it.",
            CommentText.Validate(new string('x', 5200)));
    }
}
