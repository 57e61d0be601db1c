using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using HsctJournals.Domain.Portability;

namespace HsctJournals.Web.Portability;

/// <summary>Why a file could not be read: a sentence for the owner, with line and column for malformed XML.</summary>
public sealed class WxrFormatException(string message, int? line = null, int? column = null) : Exception(message)
{
    public int? Line { get; } = line;
    public int? Column { get; } = column;
}

/// <summary>
/// Reads a WordPress export (WXR 1.0–1.2) as a stream: <see cref="XmlReader"/> with DTDs
/// prohibited and no resolver (no external entities, no entity expansion), one item in memory at
/// a time. A first pass (<see cref="ReadChannel"/>) collects the site, authors, attachments and
/// counts; the second (<see cref="ReadItems"/>) yields the items.
/// </summary>
public static class WxrReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
        CloseInput = false,
    };

    /// <summary>The first pass: site, authors, attachments, counts. Throws <see cref="WxrFormatException"/> for anything but a WXR file.</summary>
    public static WxrChannel ReadChannel(Stream stream)
    {
        RefuseOtherFileTypes(stream);
        var channel = new WxrChannel();
        var sawRoot = false;
        Walk(stream, reader =>
        {
            if (!sawRoot)
            {
                sawRoot = true;
                if (reader.LocalName != "rss")
                    throw new WxrFormatException($"This is an XML file, but not a WordPress export: its root element is <{reader.Name}>, not <rss>.");
                return false;
            }
            if (reader.Depth == 2 && IsWp(reader.NamespaceURI))
            {
                var element = (XElement)XNode.ReadFrom(reader);
                switch (element.Name.LocalName)
                {
                    case "wxr_version": channel.WxrVersion = element.Value.Trim(); break;
                    case "base_site_url": channel.SiteUrl = element.Value.Trim(); break;
                    case "author":
                        var login = Wp(element, "author_login");
                        if (login.Length > 0) channel.Authors[login] = new WxrAuthor(Long(Wp(element, "author_id")), login, NullIfEmpty(Wp(element, "author_email")), FirstNonEmpty(Wp(element, "author_display_name"), login));
                        break;
                }
                return true;
            }
            if (reader.Depth == 2 && reader.NamespaceURI == "" && reader.LocalName is "title" or "link")
            {
                var element = (XElement)XNode.ReadFrom(reader);
                if (element.Name.LocalName == "title") channel.Title = element.Value.Trim();
                else if (channel.SiteUrl.Length == 0) channel.SiteUrl = element.Value.Trim();
                return true;
            }
            if (reader.Depth == 2 && reader.LocalName == "item" && reader.NamespaceURI == "")
            {
                var item = Item((XElement)XNode.ReadFrom(reader));
                channel.ItemCount++;
                channel.CommentCount += item.Comments.Count;
                if (item.PostType == "attachment" && item.AttachmentUrl is { Length: > 0 } url)
                    channel.Attachments[item.PostId] = new WordPressContent.Attachment(url, NullIfEmpty(item.Title));
                return true;
            }
            return false;
        });
        if (channel.WxrVersion is null)
            throw new WxrFormatException("This is an RSS feed, not a WordPress export: it has no <wp:wxr_version>. In WordPress, use Tools → Export.");
        return channel;
    }

    /// <summary>The second pass: every item, in file order.</summary>
    public static IEnumerable<WxrItem> ReadItems(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        var more = Read(reader);
        while (more)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && reader.LocalName == "item" && reader.NamespaceURI == "")
            {
                // ReadFrom leaves the reader on the node after the item, which may be the next item.
                yield return ReadItem(reader);
                more = !reader.EOF;
                continue;
            }
            more = Read(reader);
        }
    }

    private static WxrItem ReadItem(XmlReader reader)
    {
        try { return Item((XElement)XNode.ReadFrom(reader)); }
        catch (XmlException e) { throw Malformed(e); }
    }

    private static bool Read(XmlReader reader)
    {
        try { return reader.Read(); }
        catch (XmlException e) { throw Malformed(e); }
    }

    /// <summary>Visits elements; <paramref name="visit"/> returns true when it consumed the element (the reader already moved on).</summary>
    private static void Walk(Stream stream, Func<XmlReader, bool> visit)
    {
        using var reader = XmlReader.Create(stream, Settings);
        try
        {
            var advanced = reader.Read();
            while (advanced)
            {
                if (reader.NodeType == XmlNodeType.Element && visit(reader)) continue;
                advanced = reader.Read();
            }
        }
        catch (XmlException e) { throw Malformed(e); }
    }

    private static WxrFormatException Malformed(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? new WxrFormatException("The file declares a DTD (<!DOCTYPE …>), which is refused: it could expand entities or read other files. WordPress exports never have one.", e.LineNumber, e.LinePosition)
            : new WxrFormatException($"The file is not well-formed XML at line {e.LineNumber}, column {e.LinePosition}: {e.Message}", e.LineNumber, e.LinePosition);

    private static void RefuseOtherFileTypes(Stream stream)
    {
        Span<byte> head = stackalloc byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0) throw new WxrFormatException("The file is empty.");
        var kind = head[..read] switch
        {
            [0x50, 0x4B, 0x03, 0x04, ..] => "a ZIP archive",
            [0x25, 0x50, 0x44, 0x46, ..] => "a PDF document",
            [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
            [0x89, 0x50, 0x4E, 0x47, ..] => "a PNG image",
            [0x1F, 0x8B, ..] => "a gzip archive",
            _ => null,
        };
        if (kind is not null) throw new WxrFormatException($"This is {kind}, not a WordPress export. Upload the .xml file that WordPress's Tools → Export gives you.");
    }

    private static WxrItem Item(XElement item)
    {
        var comments = item.Elements().Where(e => e.Name.LocalName == "comment" && IsWp(e.Name.NamespaceName)).Select(c => new WxrComment(
            Long(Wp(c, "comment_id")), Wp(c, "comment_author"), NullIfEmpty(Wp(c, "comment_author_email")), NullIfEmpty(Wp(c, "comment_author_url")),
            WordPressDates.ParseUtc(Wp(c, "comment_date_gmt")) ?? WordPressDates.ParseUtc(Wp(c, "comment_date")),
            Wp(c, "comment_content"), Wp(c, "comment_approved"), FirstNonEmpty(Wp(c, "comment_type"), "comment"),
            Long(Wp(c, "comment_parent")), Long(Wp(c, "comment_user_id")))).ToList();
        var terms = item.Elements("category").Select(c => new WxrTerm((string?)c.Attribute("domain") ?? "category", (string?)c.Attribute("nicename") ?? "", c.Value.Trim())).ToList();
        return new WxrItem(
            Long(Wp(item, "post_id")), FirstNonEmpty(Wp(item, "post_type"), "post"), (string?)item.Element("title") ?? "",
            NullIfEmpty(((string?)item.Element("link"))?.Trim()), ((string?)item.Element(Dc + "creator"))?.Trim() ?? "",
            (string?)item.Element(Content + "encoded") ?? "",
            item.Elements().FirstOrDefault(e => e.Name.LocalName == "encoded" && e.Name.NamespaceName.Contains("excerpt", StringComparison.Ordinal))?.Value ?? "",
            WordPressDates.ParseUtc(Wp(item, "post_date_gmt")), WordPressDates.ParseLocal(Wp(item, "post_date")), WordPressDates.ParseUtc(Wp(item, "post_modified_gmt")),
            Wp(item, "status"), Wp(item, "post_name"), Wp(item, "comment_status") != "closed",
            NullIfEmpty(Wp(item, "attachment_url")), terms, comments);
    }

    private static bool IsWp(string ns) => ns.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal) && !ns.Contains("excerpt", StringComparison.Ordinal);
    private static string Wp(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name && IsWp(e.Name.NamespaceName))?.Value.Trim() ?? "";
    private static long Long(string value) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    private static string FirstNonEmpty(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
