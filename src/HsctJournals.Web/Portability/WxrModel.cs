namespace HsctJournals.Web.Portability;

/// <summary>A WordPress author (<c>wp:author</c>).</summary>
public sealed record WxrAuthor(long Id, string Login, string? Email, string DisplayName);

/// <summary>A category or tag on an item: <c>&lt;category domain="post_tag" nicename="slug"&gt;Name&lt;/category&gt;</c>.</summary>
public sealed record WxrTerm(string Domain, string Slug, string Name);

/// <summary>One <c>wp:comment</c>.</summary>
public sealed record WxrComment(long Id, string Author, string? Email, string? Url, DateTime? DateGmt, string Content,
    string Approved, string Type, long Parent, long UserId);

/// <summary>One <c>item</c>: a post, page, attachment or another post type.</summary>
public sealed record WxrItem(long PostId, string PostType, string Title, string? Link, string Creator, string Content, string Excerpt,
    DateTime? DateGmt, DateTime? DateLocal, DateTime? ModifiedGmt, string Status, string Name, bool CommentsOpen,
    string? AttachmentUrl, IReadOnlyList<WxrTerm> Terms, IReadOnlyList<WxrComment> Comments);

/// <summary>What the file says about its site before (or between) the items.</summary>
public sealed class WxrChannel
{
    public string Title { get; set; } = "";
    /// <summary><c>wp:base_site_url</c> (or the channel link), the key that makes re-imports idempotent.</summary>
    public string SiteUrl { get; set; } = "";
    public string? WxrVersion { get; set; }
    public Dictionary<string, WxrAuthor> Authors { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Attachment id → URL and title, for galleries and the image list.</summary>
    public Dictionary<long, Domain.Portability.WordPressContent.Attachment> Attachments { get; } = [];
    public int ItemCount { get; set; }
    public int CommentCount { get; set; }
}
