using System.Text.Encodings.Web;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The markup of one chart image, the same on the treatment pages and in posts: a
/// <c>picture</c> that gives narrow screens the narrow drawing (legend and ticks readable at
/// 320 px) and everyone else the wide one; the text alternative is the chart's own.
/// </summary>
public static class ChartImage
{
    /// <summary>Below this width the narrow drawing is served.</summary>
    public const string NarrowMedia = "(max-width: 560px)";

    /// <param name="data">The chart.</param>
    /// <param name="src">The SVG's address without a query, e.g. <c>/j/x/treatment/charts/neutrophils.svg</c>.</param>
    /// <param name="query">Further query parameters, e.g. <c>asof=2026-03-20</c>, or empty.</param>
    public static string Html(ChartData data, string src, string query = "")
    {
        var e = HtmlEncoder.Default;
        var wide = query.Length == 0 ? src : $"{src}?{query}";
        var narrow = $"{src}?{(query.Length == 0 ? "" : query + "&")}layout=narrow";
        return $"<picture><source media=\"{NarrowMedia}\" srcset=\"{e.Encode(narrow)}\" width=\"{ChartRenderer.NarrowWidth}\" height=\"{ChartRenderer.NarrowHeight}\" />"
            + $"<img src=\"{e.Encode(wide)}\" alt=\"{e.Encode(data.AltText)}\" width=\"{ChartRenderer.Width}\" height=\"{ChartRenderer.Height}\" loading=\"lazy\" /></picture>";
    }
}
