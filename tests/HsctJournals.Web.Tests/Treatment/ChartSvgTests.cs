using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HsctJournals.Web.Treatment;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Charts that tell the truth (issue 9 item 4), checked on the SVG ScottPlot produces: the legend
/// lies outside the data area, day ticks are whole days, phase bands carry numbers and tints that
/// never repeat, and the SVG names itself and scales (role, title, desc, viewBox).
/// </summary>
public sealed partial class ChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Three days only, so an automatic axis would put ticks at half days; a high value at the upper right, where a legend used to sit.</summary>
    private static ChartData Sample(int bands = 3) => new()
    {
        Name = "neutrophils", Title = "Neutrophils and white cells by day", XLabel = "Day after reinfusion (Day 0)", YLabel = "× 10⁹/L",
        Series =
        [
            new ChartSeries("ANC", [(-1, 40, "Day −1"), (0, 20, "Day 0"), (1, 60, "Day +1"), (2, 100, "Day +2")]),
            new ChartSeries("WBC", [(-1, 30, "Day −1"), (2, 80, "Day +2")]),
        ],
        Thresholds = [(50, "ANC 50")],
        Markers = [new ChartMarker(0, "Day 0")],
        Bands = Enumerable.Range(0, bands).Select(n => new ChartBand(-1.5 + n * 4.0 / bands, -1.5 + (n + 1) * 4.0 / bands, $"phase {n + 1}", "Day x", n + 1)).ToList(),
        AltText = "Neutrophils and white cells by day: four values.",
    };

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    /// <summary>The data area: the rectangle every plottable is clipped to.</summary>
    private static (double X, double Y, double W, double H) DataArea(XElement root)
    {
        var rect = root.Descendants(Svg + "clipPath").Select(c => c.Element(Svg + "rect")!).First();
        return (D(rect, "x"), D(rect, "y"), D(rect, "width"), D(rect, "height"));
    }

    private static double D(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    /// <summary>Each text of the drawing with where it is drawn (ScottPlot places text by a translate).</summary>
    private static List<(string Text, double X, double Y)> Texts(XElement root) =>
        root.Descendants(Svg + "text").Select(t =>
        {
            var m = Translate().Match(t.Attribute("transform")?.Value ?? "");
            return (t.Value.Trim(), m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
                m.Success ? double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : double.NaN);
        }).ToList();

    [Fact]
    public void The_svg_has_role_title_desc_and_a_viewbox_instead_of_a_fixed_size()
    {
        var data = Sample();
        var root = Parse(ChartRenderer.Svg(data));
        Assert.Equal("img", root.Attribute("role")?.Value);
        Assert.Equal($"0 0 {ChartRenderer.Width} {ChartRenderer.Height}", root.Attribute("viewBox")?.Value);
        Assert.Null(root.Attribute("width"));
        Assert.Null(root.Attribute("height"));
        var title = root.Elements().First();
        Assert.Equal(Svg + "title", title.Name);
        Assert.Equal(data.Title, title.Value);
        var desc = root.Element(Svg + "desc")!;
        Assert.Equal(data.AltText, desc.Value);
        Assert.Equal($"{title.Attribute("id")!.Value} {desc.Attribute("id")!.Value}", root.Attribute("aria-labelledby")?.Value);

        var narrow = Parse(ChartRenderer.Svg(data, ChartLayout.Narrow));
        Assert.Equal($"0 0 {ChartRenderer.NarrowWidth} {ChartRenderer.NarrowHeight}", narrow.Attribute("viewBox")?.Value);
    }

    [Theory]
    [InlineData(ChartLayout.Wide)]
    [InlineData(ChartLayout.Narrow)]
    public void The_legend_lies_below_the_data_area_never_over_it(ChartLayout layout)
    {
        var root = Parse(ChartRenderer.Svg(Sample(), layout));
        var area = DataArea(root);
        var texts = Texts(root);
        foreach (var name in new[] { "ANC", "WBC", "Day 0", "1 phase 1", "3 phase 3" })
        {
            var entry = Assert.Single(texts, t => t.Text == name);
            Assert.True(entry.Y > area.Y + area.H, $"legend entry \"{name}\" at y {entry.Y} is inside the data area ending at {area.Y + area.H}");
        }
    }

    [Theory]
    [InlineData(ChartLayout.Wide)]
    [InlineData(ChartLayout.Narrow)]
    public void Day_ticks_are_whole_days_even_over_three_days(ChartLayout layout)
    {
        var root = Parse(ChartRenderer.Svg(Sample(), layout));
        var area = DataArea(root);
        // Tick labels of the day axis sit just under the data area.
        var ticks = Texts(root).Where(t => t.Y > area.Y + area.H && t.Y < area.Y + area.H + 20 && Number().IsMatch(t.Text)).ToList();
        Assert.True(ticks.Count >= 2, "day ticks were found");
        Assert.All(ticks, t => Assert.Matches(@"^[−-]?\d+$", t.Text));
    }

    [Fact]
    public void Phase_bands_carry_their_number_inside_the_chart_and_tints_never_repeat()
    {
        foreach (var count in new[] { 3, 12 })
        {
            var root = Parse(ChartRenderer.Svg(Sample(count)));
            var area = DataArea(root);
            var texts = Texts(root);
            for (var n = 1; n <= count; n++)
            {
                var number = n.ToString(CultureInfo.InvariantCulture);
                Assert.Contains(texts, t => t.Text == number && t.X >= area.X && t.Y >= area.Y && t.Y <= area.Y + area.H);
            }
            // The band rectangles fill the data area's height; each has its own colour.
            var fills = root.Descendants(Svg + "rect")
                .Where(r => r.Attribute("fill-opacity") is not null && r.Attribute("height") is { } h && Math.Abs(double.Parse(h.Value, CultureInfo.InvariantCulture) - area.H) < 0.5)
                .Select(r => r.Attribute("fill")!.Value).ToList();
            Assert.Equal(count, fills.Count);
            Assert.Equal(count, fills.Distinct().Count());
        }
    }

    [Fact]
    public void Band_numbers_sit_above_every_value()
    {
        var root = Parse(ChartRenderer.Svg(Sample()));
        var texts = Texts(root);
        var highest = root.Descendants(Svg + "ellipse").Min(e => D(e, "cy"));
        var area = DataArea(root);
        Assert.All(texts.Where(t => t.Text is "1" or "2" or "3" && t.X >= area.X && t.Y < area.Y + area.H), t => Assert.True(t.Y < highest, $"band number at y {t.Y} is below the highest value at {highest}"));
    }

    [Fact]
    public void A_normal_range_is_shaded_across_the_whole_data_area_and_named_in_the_legend()
    {
        var data = new ChartData
        {
            Name = "haemoglobin", Title = "Haemoglobin by day", XLabel = "Day after reinfusion (Day 0)", YLabel = "g/dL",
            Series = [new ChartSeries("Haemoglobin", [(1, 9.8, "Day +1"), (6, 7.9, "Day +6")])],
            NormalRange = new ChartNormalRange(12, 15.5, "your lab's range 12–15.5"), AltText = "Haemoglobin.",
        };
        var root = Parse(ChartRenderer.Svg(data));
        var area = DataArea(root);
        Assert.Contains(root.Descendants(Svg + "rect"), r => r.Attribute("fill-opacity") is not null
            && Math.Abs(D(r, "width") - area.W) < 0.5 && D(r, "height") < area.H - 1 && D(r, "height") > 5);
        Assert.Contains(Texts(root), t => t.Text == "normal range" && t.Y > area.Y + area.H);
    }

    [GeneratedRegex(@"translate\(([-\d.]+) ([-\d.]+)\)")]
    private static partial Regex Translate();

    [GeneratedRegex(@"^[−-]?[\d.]+$")]
    private static partial Regex Number();
}
