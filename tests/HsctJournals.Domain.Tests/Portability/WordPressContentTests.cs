using HsctJournals.Domain.Portability;

namespace HsctJournals.Domain.Tests.Portability;

public class WordPressContentTests
{
    private static WordPressContent.Attachment? None(long _) => null;

    [Fact]
    public void Block_comments_disappear_and_paragraphs_stay()
    {
        var source = WordPressContent.ToSource("<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph {\"x\":1} -->\n<p>Two</p>\n<!-- /wp:paragraph -->", None);
        Assert.Equal("<p>One</p>\n\n<p>Two</p>", source);
    }

    [Fact]
    public void Classic_editor_text_gets_paragraphs_and_line_breaks_like_autop()
    {
        var source = WordPressContent.ToSource("First line\nsecond line\n\nNew paragraph\n\n<h2>Heading</h2>", None);
        Assert.Equal("<p>First line<br />\nsecond line</p>\n\n<p>New paragraph</p>\n\n<h2>Heading</h2>", source);
    }

    [Fact]
    public void A_caption_shortcode_becomes_a_figure_with_its_caption()
    {
        var source = WordPressContent.ToSource("[caption id=\"attachment_9\" align=\"alignnone\" width=\"300\"]<a href=\"http://old/x.jpg\"><img src=\"http://old/x.jpg\" alt=\"Ward\" /></a> The ward at night[/caption]", None);
        Assert.Equal("<figure><a href=\"http://old/x.jpg\"><img src=\"http://old/x.jpg\" alt=\"Ward\" /></a><figcaption>The ward at night</figcaption></figure>", source);
    }

    [Fact]
    public void A_gallery_lists_the_attachments_it_names_and_warns_about_missing_ones()
    {
        var warnings = new List<string>();
        var source = WordPressContent.ToSource("[gallery ids=\"4,5\"]", id => id == 4 ? new("http://old/a.jpg", "A & B") : null, warnings);
        Assert.Equal("<ul class=\"gallery\"><li><img src=\"http://old/a.jpg\" alt=\"A &amp; B\" /></li></ul>", source);
        Assert.Single(warnings);
    }

    [Fact]
    public void Preformatted_text_keeps_its_blank_lines_and_indentation()
    {
        var source = WordPressContent.ToSource("<pre>a\n\n    b</pre>\n\nText", None);
        Assert.Equal("<pre>a\n\n    b</pre>\n\n<p>Text</p>", source);
    }

    [Fact]
    public void Indented_lines_do_not_turn_into_code_blocks()
    {
        Assert.Equal("<p>Text</p>\n\n<p>more</p>", WordPressContent.ToSource("<p>Text</p>\n\n        <p>more</p>", None));
    }

    [Fact]
    public void A_comment_becomes_plain_text_with_its_line_breaks_and_decoded_entities()
    {
        Assert.Equal("Hello & welcome\nline two\n\nnext <para>", WordPressContent.CommentToText("<p>Hello &amp; welcome<br />line two</p><p>next &lt;para&gt;</p>"));
    }
}

public class WordPressStatusesTests
{
    [Theory]
    [InlineData("publish", ImportedPostStatus.Published)]
    [InlineData("future", ImportedPostStatus.Scheduled)]
    [InlineData("draft", ImportedPostStatus.Draft)]
    [InlineData("pending", ImportedPostStatus.Draft)]
    [InlineData("private", ImportedPostStatus.Draft)]
    public void Post_statuses_map_as_the_issue_says(string wp, ImportedPostStatus expected) => Assert.Equal(expected, WordPressStatuses.Post(wp));

    [Theory]
    [InlineData("trash")]
    [InlineData("auto-draft")]
    [InlineData("inherit")]
    public void Trash_and_internal_statuses_are_not_imported(string wp) => Assert.Null(WordPressStatuses.Post(wp));

    [Theory]
    [InlineData("1", ImportedCommentStatus.Approved)]
    [InlineData("0", ImportedCommentStatus.Pending)]
    [InlineData("spam", ImportedCommentStatus.Spam)]
    [InlineData("trash", ImportedCommentStatus.Trash)]
    public void Comment_approval_maps_both_ways(string wp, ImportedCommentStatus expected)
    {
        Assert.Equal(expected, WordPressStatuses.Comment(wp));
        Assert.Equal(wp, WordPressStatuses.CommentApproved(expected));
    }

    [Fact]
    public void Gmt_dates_are_utc_and_zero_dates_are_none()
    {
        Assert.Equal(new DateTime(2024, 3, 4, 9, 30, 0, DateTimeKind.Utc), WordPressDates.ParseUtc("2024-03-04 09:30:00"));
        Assert.Equal(DateTimeKind.Utc, WordPressDates.ParseUtc("2024-03-04 09:30:00")!.Value.Kind);
        Assert.Null(WordPressDates.ParseUtc("0000-00-00 00:00:00"));
        Assert.Null(WordPressDates.ParseUtc("yesterday"));
    }
}

public class OldAddressTests
{
    [Fact]
    public void A_post_is_recorded_under_its_link_both_dated_shapes_and_the_plain_shape()
    {
        var paths = OldAddress.For("http://example.org/2024/03/what-is-hsct/", new DateTime(2024, 3, 4, 9, 30, 0), "what-is-hsct", 7);
        Assert.Equal(["/2024/03/what-is-hsct/", "/2024/03/04/what-is-hsct/", "/?p=7"], paths);
    }

    [Theory]
    [InlineData("/2024/03/what-is-hsct", "", "/2024/03/what-is-hsct/")]
    [InlineData("/2024/03/04/What-Is-HSCT/", "", "/2024/03/04/what-is-hsct/")]
    [InlineData("/", "?p=7", "/?p=7")]
    [InlineData("/", "?utm=x&p=0007", "/?p=7")]
    [InlineData("/j/journal", "", null)]
    [InlineData("/", "?page_id=3", null)]
    public void Requests_are_normalised_to_the_recorded_form(string path, string query, string? expected) =>
        Assert.Equal(expected, OldAddress.Normalise(path, query));
}
