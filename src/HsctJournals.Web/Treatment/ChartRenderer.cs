using System.Globalization;
using System.Xml.Linq;
using ScottPlot;

namespace HsctJournals.Web.Treatment;

/// <summary>The two drawings of a chart: the page width, and a narrow one for phones (served below 560 px).</summary>
public enum ChartLayout { Wide, Narrow }

/// <summary>
/// Draws <see cref="ChartData"/> as SVG on the server with ScottPlot, so charts work without
/// JavaScript, in print and in e-mail. Pure: equal data gives equal SVG, which is what the ETag relies on.
/// </summary>
/// <remarks>
/// What the chart must not do (issue 9 item 4): the legend sits in its own panel below the plot, so
/// it can never cover a value; day ticks are whole days; each phase band carries its number in a
/// strip above the values (SVG drops ScottPlot's hatch patterns, so a label is what tells bands
/// apart without colour) and has its own tint; the SVG names itself (role, title, desc) and has a
/// viewBox so it scales with the page.
/// </remarks>
public static class ChartRenderer
{
    public const int Width = 760;
    public const int Height = 460;
    public const int NarrowWidth = 360;
    public const int NarrowHeight = 600;

    private static readonly Color[] SeriesColours = [new(0x1f, 0x5f, 0x8b), new(0x8a, 0x4f, 0x00), new(0x2e, 0x7d, 0x32)];

    /// <summary>The share of the y range above the highest value kept free for the band numbers.</summary>
    private const double LabelStrip = 0.14;

    public static (int Width, int Height) Size(ChartLayout layout) =>
        layout == ChartLayout.Narrow ? (NarrowWidth, NarrowHeight) : (Width, Height);

    public static string Svg(ChartData data, ChartLayout layout = ChartLayout.Wide)
    {
        var narrow = layout == ChartLayout.Narrow;
        var plot = new Plot();
        plot.Title(data.Title, size: narrow ? 13 : 16);
        plot.XLabel(data.XLabel, size: narrow ? 13 : 14);
        plot.YLabel(data.YLabel, size: narrow ? 13 : 14);

        var top = data.Name == "edss" ? 10 : YTop(data);
        var axisTop = data.Bands.Count > 0 ? top / (1 - LabelStrip) : top;
        if (data.NormalRange is { } normal)
        {
            // The normal range across the whole chart, grey so it never reads as a phase.
            var range = plot.Add.VerticalSpan(normal.Low, normal.High);
            range.FillStyle.Color = new Color(0x60, 0x60, 0x60, 0x24);
            range.LineWidth = 1;
            range.LineColor = new Color(0x60, 0x60, 0x60, 0x80);
            range.LegendText = "normal range";
        }
        var bandColours = BandTints(data.Bands.Count);
        for (var b = 0; b < data.Bands.Count; b++)
        {
            var band = data.Bands[b];
            // Phases first, so values and lines are drawn over them.
            var span = plot.Add.HorizontalSpan(band.X1, band.X2);
            span.FillStyle.Color = bandColours[b];
            span.LineWidth = 1;
            span.LineColor = bandColours[b].WithAlpha(0x90);
            span.LinePattern = LinePattern.Dotted;
            span.LegendText = $"{band.Number} {band.Text}";
            var label = plot.Add.Text(band.Number.ToString(CultureInfo.InvariantCulture), (band.X1 + band.X2) / 2, (top + axisTop) / 2);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontSize = narrow ? 11 : 12;
            label.LabelBold = true;
            label.LabelFontColor = Colors.Black;
        }
        var i = 0;
        foreach (var series in data.Series.Where(s => s.Points.Count > 0))
        {
            var scatter = plot.Add.Scatter(series.Points.Select(p => p.X).ToArray(), series.Points.Select(p => p.Y).ToArray());
            scatter.LegendText = series.Name;
            scatter.Color = SeriesColours[i % SeriesColours.Length];
            // Marker shapes differ as well as colours, so series stay apart in grey print.
            scatter.MarkerShape = (i++ % 3) switch { 0 => MarkerShape.FilledCircle, 1 => MarkerShape.FilledSquare, _ => MarkerShape.FilledTriangleUp };
            scatter.LineWidth = 2;
            scatter.MarkerSize = narrow ? 5 : 6;
        }
        foreach (var (y, text) in data.Thresholds)
        {
            var line = plot.Add.HorizontalLine(y);
            line.Color = new Color(0xb0, 0x00, 0x20);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1.5f;
            line.Text = text;
            line.LabelFontSize = 11;
        }
        foreach (var marker in data.Markers)
        {
            var line = plot.Add.VerticalLine(marker.X);
            line.Color = marker.Text == "Day 0" ? Colors.Black : marker.Text.Contains("transfusion") ? new Color(0x6a, 0x1b, 0x9a) : new Color(0x2e, 0x7d, 0x32);
            line.LinePattern = marker.Text == "Day 0" ? LinePattern.Solid : LinePattern.Dotted;
            line.LineWidth = 1.5f;
            // Named in the legend rather than on the axis, where labels of close days would overlap.
            line.LegendText = marker.Text;
        }

        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(0, axisTop);
        // Days are whole numbers: never a tick at "Day 0.5".
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (data.Name == "edss") plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);

        // Below the plot, in a panel of its own: the legend never covers a value.
        if (data.Series.Any(s => s.Points.Count > 0))
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontSize = narrow ? 11 : 12;
        }
        var (width, height) = Size(layout);
        return Accessible(plot.GetSvgXml(width, height), data, width, height);
    }

    /// <summary>The highest value or threshold, with room above it.</summary>
    private static double YTop(ChartData data) =>
        Math.Max(Math.Max(data.Series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(1).Max() * 1.1,
            data.Thresholds.Select(t => t.Y).DefaultIfEmpty(1).Max() * 1.2), (data.NormalRange?.High ?? 0) * 1.1);

    /// <summary>One tint per band, never the same twice in a chart: the ten of Category10, then evenly spaced hues.</summary>
    private static Color[] BandTints(int count)
    {
        var category = new ScottPlot.Palettes.Category10().Colors;
        return Enumerable.Range(0, count)
            .Select(n => (count <= category.Length ? category[n] : Color.FromHSL((float)n / count, 0.6f, 0.45f)).WithAlpha(0x2c))
            .ToArray();
    }

    /// <summary>
    /// Adds what a screen reader and a narrow page need to ScottPlot's SVG: <c>role="img"</c>, a
    /// <c>title</c> and a <c>desc</c> (the chart's text alternative) named by <c>aria-labelledby</c>,
    /// and a <c>viewBox</c> in place of fixed width and height, so the drawing scales with its box.
    /// </summary>
    private static string Accessible(string svg, ChartData data, int width, int height)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        XNamespace ns = root.Name.Namespace;
        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", "chart-title chart-desc");
        root.AddFirst(
            new XElement(ns + "title", new XAttribute("id", "chart-title"), data.Title),
            new XElement(ns + "desc", new XAttribute("id", "chart-desc"), data.AltText));
        return doc.Declaration + "\n" + doc.Root!.ToString(SaveOptions.DisableFormatting);
    }
}
