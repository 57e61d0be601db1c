using ScottPlot;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Draws <see cref="ChartData"/> as SVG on the server with ScottPlot, so charts work without
/// JavaScript, in print and in e-mail. Pure: equal data gives equal SVG, which is what the ETag relies on.
/// </summary>
public static class ChartRenderer
{
    public const int Width = 760;
    public const int Height = 380;

    public static string Svg(ChartData data)
    {
        var plot = new Plot();
        plot.Title(data.Title);
        plot.XLabel(data.XLabel);
        plot.YLabel(data.YLabel);
        Color[] palette = [new Color(0x1f, 0x5f, 0x8b), new Color(0x8a, 0x4f, 0x00), new Color(0x2e, 0x7d, 0x32)];
        // Phases first, so values and lines are drawn over them; light tints that keep the lines legible.
        Color[] tints = [new Color(0x1f, 0x5f, 0x8b, 0x22), new Color(0x8a, 0x4f, 0x00, 0x22), new Color(0x2e, 0x7d, 0x32, 0x22), new Color(0x6a, 0x1b, 0x9a, 0x22)];
        var b = 0;
        foreach (var band in data.Bands)
        {
            var span = plot.Add.HorizontalSpan(band.X1, band.X2);
            span.FillStyle.Color = tints[b++ % tints.Length];
            span.LineStyle.Width = 0;
            span.LegendText = band.Text;
        }
        var i = 0;
        foreach (var series in data.Series.Where(s => s.Points.Count > 0))
        {
            var scatter = plot.Add.Scatter(series.Points.Select(p => p.X).ToArray(), series.Points.Select(p => p.Y).ToArray());
            scatter.LegendText = series.Name;
            scatter.Color = palette[i++ % palette.Length];
            scatter.LineWidth = 2;
            scatter.MarkerSize = 6;
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
        plot.Axes.AutoScale();
        if (data.Name == "edss") plot.Axes.SetLimitsY(0, 10);
        else plot.Axes.SetLimitsY(0, Math.Max(data.Series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(1).Max() * 1.1,
            data.Thresholds.Select(t => t.Y).DefaultIfEmpty(1).Max() * 1.2));
        if (data.Series.Any(s => s.Points.Count > 0)) plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }
}
