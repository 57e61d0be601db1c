using HsctJournals.Domain.Portability;

namespace HsctJournals.Domain.Tests.Portability;

public class FrontMatterTests
{
    [Fact]
    public void Values_are_quoted_so_colons_quotes_and_dashes_survive_and_nulls_are_left_out()
    {
        var text = FrontMatter.Write(
        [
            ("title", "Day 0: \"the bag\" ---"), ("date", new DateTime(2024, 4, 2, 8, 15, 30, DateTimeKind.Utc)), ("category", null),
            ("tags", new List<string> { "CD34", "a\\b" }), ("comments_open", true), ("count", 3),
        ], "Body\r\nline two");
        Assert.Equal("---\ntitle: \"Day 0: \\\"the bag\\\" ---\"\ndate: \"2024-04-02T08:15:30Z\"\ntags: [\"CD34\", \"a\\\\b\"]\ncomments_open: true\ncount: 3\n---\n\nBody\nline two\n", text);
    }

    [Fact]
    public void Line_breaks_in_a_value_stay_inside_the_quotes()
    {
        var text = FrontMatter.Write([("title", "one\n---\ntwo")], "x");
        Assert.StartsWith("---\ntitle: \"one\\n---\\ntwo\"\n---\n", text);
    }
}

public class PhotoRenumberingTests
{
    private static readonly Dictionary<int, int> Map = new() { [1] = 41, [2] = 42, [12] = 7 };

    [Fact]
    public void Markdown_and_html_references_get_the_new_ids()
    {
        Assert.Equal("![a](photo:41) ![b]( photo:7 ) <img src=\"photo:42\"> <a href='photo:41'>x</a>",
            PhotoRenumbering.Apply("![a](photo:1) ![b]( photo:12 ) <img src=\"photo:2\"> <a href='photo:1'>x</a>", Map));
    }

    [Fact]
    public void Words_in_running_text_and_unknown_or_longer_ids_stay_as_they_are()
    {
        const string source = "I wrote photo:1 here; ![c](photo:123) ![d](photo:99)";
        Assert.Equal(source, PhotoRenumbering.Apply(source, Map));
    }

    [Fact]
    public void Each_reference_is_renumbered_once_even_when_ids_swap()
    {
        Assert.Equal("![a](photo:2) ![b](photo:1)", PhotoRenumbering.Apply("![a](photo:1) ![b](photo:2)", new Dictionary<int, int> { [1] = 2, [2] = 1 }));
    }
}

public class BackupPathsTests
{
    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("C:\\Users\\me\\IMG 1.jpg", "C--Users-me-IMG-1.jpg")]
    [InlineData("Ärzte-Brief.png", "Arzte-Brief.png")]
    [InlineData("...", "file")]
    public void Segments_never_climb_out_of_their_folder(string name, string expected)
    {
        Assert.Equal(expected, BackupPaths.SafeSegment(name));
        Assert.True(BackupPaths.IsSafe(BackupPaths.PhotoFile(3, name)));
    }

    [Theory]
    [InlineData("photos/1-a.jpg", true)]
    [InlineData("../photos/1-a.jpg", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("photos\\1.jpg", false)]
    [InlineData("photos//1.jpg", false)]
    [InlineData("C:/x.jpg", false)]
    public void Only_relative_names_without_climbing_are_safe(string entry, bool safe) => Assert.Equal(safe, BackupPaths.IsSafe(entry));

    [Fact]
    public void Markdown_files_sort_by_date() =>
        Assert.Equal("posts/2024-04-02-harvest-day.md", BackupPaths.MarkdownFile(new DateTime(2024, 4, 2, 23, 0, 0, DateTimeKind.Utc), "harvest-day"));
}
