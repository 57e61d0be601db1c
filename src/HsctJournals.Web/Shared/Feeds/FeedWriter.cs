using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace HsctJournals.Web.Shared.Feeds;

/// <summary>Turns a <see cref="JournalFeed"/> into RSS 2.0 or Atom 1.0 bytes (UTF-8, no BOM).</summary>
public static class FeedWriter
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>The Content-Type header for a format.</summary>
    public static string ContentType(FeedFormat format) => format == FeedFormat.Rss
        ? "application/rss+xml; charset=utf-8"
        : "application/atom+xml; charset=utf-8";

    /// <summary>
    /// Serialises the feed. <paramref name="origin"/> is scheme, host and path base of the request, so links and ids are absolute;
    /// <paramref name="selfUrl"/> is the feed's own absolute address.
    /// </summary>
    /// <remarks>
    /// The formatters only write synchronously, so the document is built in memory (it is small: at most
    /// twenty entries) and the caller copies it to the response asynchronously; the bytes also give the ETag.
    /// </remarks>
    public static byte[] Write(JournalFeed source, FeedFormat format, string origin, string selfUrl)
    {
        var feed = Build(source, format, origin, selfUrl);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            if (format == FeedFormat.Rss) new Rss20FeedFormatter(feed).WriteTo(xml);
            else new Atom10FeedFormatter(feed).WriteTo(xml);
        }
        return buffer.ToArray();
    }

    private static SyndicationFeed Build(JournalFeed source, FeedFormat format, string origin, string selfUrl)
    {
        var feed = new SyndicationFeed(Clean(source.Title), Clean(source.Description), new Uri(origin + source.Path))
        {
            Id = origin + source.Path,
            LastUpdatedTime = Utc(source.Updated),
            Language = "en-GB",
            Generator = "HSCT Journals",
        };
        feed.Links.Add(new SyndicationLink(new Uri(selfUrl), "self", null, FeedWriter.ContentType(format).Split(';')[0], 0));
        if (format == FeedFormat.Rss)
        {
            // Declared once on <rss> rather than on every item.
            feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), Dc.NamespaceName);
            feed.AttributeExtensions.Add(new XmlQualifiedName("content", "http://www.w3.org/2000/xmlns/"), Content.NamespaceName);
        }
        feed.Items = source.Entries.Select(e => Item(e, format, origin)).ToList();
        return feed;
    }

    private static SyndicationItem Item(FeedEntry entry, FeedFormat format, string origin)
    {
        var url = origin + entry.Path;
        var item = new SyndicationItem
        {
            // The address changes when a post's slug does; the post id does not, so readers never see a duplicate.
            Id = TagUri(origin, entry.ItemTag ?? $"post/{entry.PostId}"),
            Title = new TextSyndicationContent(Clean(entry.Title)),
            PublishDate = Utc(entry.Published),
            LastUpdatedTime = Utc(entry.Updated),
            Summary = new TextSyndicationContent(Clean(entry.Summary)),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        if (entry.Category is not null) item.Categories.Add(new SyndicationCategory(Clean(entry.Category)));
        foreach (var tag in entry.Tags) item.Categories.Add(new SyndicationCategory(Clean(tag)));

        var html = Clean(entry.Html);
        if (format == FeedFormat.Atom)
        {
            // Atom's <author> needs only a name; the e-mail address is never part of the entry.
            item.Authors.Add(new SyndicationPerson { Name = Clean(entry.AuthorName) });
            item.Content = new TextSyndicationContent(html, TextSyndicationContentKind.Html);
        }
        else
        {
            // RSS <author> must be an e-mail address, so the name goes in dc:creator and the full text in content:encoded.
            item.ElementExtensions.Add(new XElement(Dc + "creator", Clean(entry.AuthorName)));
            item.ElementExtensions.Add(new XElement(Content + "encoded", html));
        }
        return item;
    }

    /// <summary>An RFC 4151 tag URI naming the post independently of its address (the date is fixed: it is part of the name).</summary>
    private static string TagUri(string origin, string item) =>
        $"tag:{new Uri(origin).Host},2025:{item}";

    private static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Drops characters XML 1.0 cannot carry (control characters pasted into a post would otherwise fail the whole feed).</summary>
    internal static string Clean(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i)) { firstBad = i; break; }
            if (char.IsHighSurrogate(text[i])) i++;
        }
        if (firstBad < 0) return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i)) continue;
            builder.Append(text[i]);
            if (char.IsHighSurrogate(text[i])) builder.Append(text[++i]);
        }
        return builder.ToString();
    }

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return false;
        return XmlConvert.IsXmlChar(c);
    }
}
