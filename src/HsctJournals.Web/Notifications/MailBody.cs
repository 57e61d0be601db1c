using System.Net;
using System.Text;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// Builds the plain-text and HTML parts of a message side by side, so they always say the same
/// thing. All text passed in is user text or our own and is HTML-encoded here; nothing raw.
/// </summary>
public sealed class MailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Someone else's words (a comment excerpt), set off as a quotation.</summary>
    public MailBody Quote(string text)
    {
        foreach (var line in text.Split('\n')) _text.Append("> ").Append(line.TrimEnd('\r')).Append('\n');
        _text.Append('\n');
        _html.Append("<blockquote>").Append(Encode(text).Replace("\n", "<br>")).Append("</blockquote>\n");
        return this;
    }

    public MailBody Link(string label, string url)
    {
        _text.Append(label).Append(": ").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>A titled item of a list (the posts of a digest).</summary>
    public MailBody Item(string title, string url, string summary)
    {
        _text.Append("* ").Append(title).Append('\n').Append("  ").Append(url).Append('\n');
        if (summary.Length > 0) _text.Append("  ").Append(summary).Append('\n');
        _text.Append('\n');
        _html.Append("<h2><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(title)).Append("</a></h2>\n");
        if (summary.Length > 0) _html.Append("<p>").Append(Encode(summary)).Append("</p>\n");
        return this;
    }

    /// <summary>
    /// A picture that links to <paramref name="url"/> (a post's first photo). The text part names it by its alt
    /// text, so the two parts still say the same thing; a decorative picture is left out of the text.
    /// </summary>
    public MailBody Picture(string src, string alt, int width, int height, string url)
    {
        if (alt.Length > 0) _text.Append("[Photo: ").Append(alt).Append("]\n\n");
        _html.Append("<p><a href=\"").Append(Encode(url)).Append("\"><img src=\"").Append(Encode(src)).Append("\" alt=\"").Append(Encode(alt)).Append('"');
        if (width > 0 && height > 0) _html.Append(" width=\"").Append(width).Append("\" height=\"").Append(height).Append('"');
        _html.Append(" style=\"max-width:100%;height:auto\"></a></p>\n");
        return this;
    }

    /// <summary>Why the reader gets this and how to stop it.</summary>
    public MailBody Footer(string why, string? stopLabel = null, string? stopUrl = null)
    {
        _text.Append("-- \n").Append(why).Append('\n');
        _html.Append("<hr>\n<p><small>").Append(Encode(why));
        if (stopUrl is not null)
        {
            _text.Append(stopLabel).Append(": ").Append(stopUrl).Append('\n');
            _html.Append(" <a href=\"").Append(Encode(stopUrl)).Append("\">").Append(Encode(stopLabel ?? stopUrl)).Append("</a>");
        }
        _html.Append("</small></p>\n");
        return this;
    }

    public OutgoingMail To(string address, string? name, string subject, string? unsubscribeUrl, string? listId = null) =>
        new(address, name, subject, _text.ToString().TrimEnd() + "\n",
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Encode(subject) + "</title></head><body>\n"
            + _html + "</body></html>\n",
            unsubscribeUrl, listId);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
