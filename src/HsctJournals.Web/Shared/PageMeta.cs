namespace HsctJournals.Web.Shared;

/// <summary>What a page tells the layout for its &lt;head&gt;: description, canonical URL, feeds, robots, Open Graph.</summary>
public sealed class PageMeta
{
    public string? Description { get; set; }
    /// <summary>Absolute or root-relative canonical path.</summary>
    public string? CanonicalPath { get; set; }
    /// <summary>Ask search engines not to index (unlisted and non-public journals, forms).</summary>
    public bool NoIndex { get; set; }
    /// <summary>Reload the page after this many seconds (a progress page that works without JavaScript).</summary>
    public int? RefreshSeconds { get; set; }
    public string OgType { get; set; } = "website";
    /// <summary>Root-relative address of the page's picture for link previews (og:image); only set when anyone may see it.</summary>
    public string? ImagePath { get; set; }
    public List<(string Title, string Type, string Href)> Feeds { get; } = [];
}
