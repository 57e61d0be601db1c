using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Tests.Text;

public class EmbedShortcodeTests
{
    private const string Post = "<p>Counts are up.</p>\n<p>{{chart: Neutrophils}}\n{{ milestone:day0 }}</p>\n<p>Inline {{chart: platelets}} stays text.</p>\n";

    [Fact]
    public void A_paragraph_of_shortcodes_is_found_in_order_with_lower_case_names()
    {
        var found = EmbedShortcodes.Find(Post);

        Assert.Equal([(EmbedKind.Chart, "neutrophils"), (EmbedKind.Milestone, "day0")], found.Select(c => (c.Kind, c.Name)));
        Assert.Equal("{{chart: Neutrophils}}", found[0].Text);
    }

    [Fact]
    public void Stripping_removes_the_shortcode_paragraph_and_leaves_running_text_alone()
    {
        Assert.Equal("<p>Counts are up.</p>\n<p>Inline {{chart: platelets}} stays text.</p>\n", EmbedShortcodes.Strip(Post));
    }

    [Fact]
    public void Html_without_a_shortcode_paragraph_is_returned_as_it_was()
    {
        const string html = "<p>Inline {{chart: platelets}} only.</p>\n";

        Assert.False(EmbedShortcodes.Has(html));
        Assert.Same(html, EmbedShortcodes.Replace(html, _ => "x"));
    }

    [Fact]
    public void Latest_after_a_chart_name_asks_for_the_newest_values()
    {
        var found = EmbedShortcodes.Find("<p>{{chart: neutrophils latest}} {{chart: platelets}}</p>\n");

        Assert.Equal([("neutrophils", true), ("platelets", false)], found.Select(c => (c.Name, c.Latest)));
    }
}
