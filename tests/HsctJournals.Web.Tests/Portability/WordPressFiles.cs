using System.Text;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>The real WordPress sample (in <c>shared/</c> beside the repository) and small hand-made exports.</summary>
public static class WordPressFiles
{
    /// <summary>The real WXR 1.2 file written by WordPress 6.1: 3 posts, 1 page, 210 comments nested up to 5 deep.</summary>
    public static string Sample { get; } = FindSample();

    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "wordpress", "sample-export.xml");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("The WordPress sample shared/data/wordpress/sample-export.xml was not found beside the repository.");
    }

    /// <summary>Writes <paramref name="content"/> to a temporary file and returns its path.</summary>
    public static string Temp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wxr-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public const string Head = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Crafted</title><link>https://crafted.example</link>
        <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://crafted.example</wp:base_site_url>
        <wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[jo]]></wp:author_login><wp:author_email><![CDATA[jo@crafted.example]]></wp:author_email><wp:author_display_name><![CDATA[Jo Writer]]></wp:author_display_name></wp:author>
        """;

    public const string Tail = "</channel></rss>";

    /// <summary>One item in WXR form.</summary>
    public static string Item(long id, string title, string status = "publish", string type = "post", string content = "<p>Hello</p>",
        string date = "2024-05-01 10:00:00", string terms = "", string comments = "", string excerpt = "") => $"""
        <item><title><![CDATA[{title}]]></title><link>https://crafted.example/?p={id}</link><dc:creator><![CDATA[jo]]></dc:creator>
        <content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
        <wp:post_id>{id}</wp:post_id><wp:post_date><![CDATA[{date}]]></wp:post_date><wp:post_date_gmt><![CDATA[{date}]]></wp:post_date_gmt>
        <wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[]]></wp:post_name><wp:status><![CDATA[{status}]]></wp:status>
        <wp:post_type><![CDATA[{type}]]></wp:post_type>{terms}{comments}</item>
        """;

    public static string Comment(long id, long parent, string text, string approved = "1", string type = "comment", string email = "c@commenters.test", string author = "Cass") => $"""
        <wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[{author}]]></wp:comment_author>
        <wp:comment_author_email><![CDATA[{email}]]></wp:comment_author_email><wp:comment_author_url>https://cass.example/</wp:comment_author_url>
        <wp:comment_date_gmt><![CDATA[2024-05-02 08:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[{text}]]></wp:comment_content>
        <wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved><wp:comment_type><![CDATA[{type}]]></wp:comment_type>
        <wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
        """;
}
