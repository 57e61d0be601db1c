using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>One plotted series: name and points (x = day number or month, y = value).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y, string Label)> Points);

/// <summary>A vertical marker (Day 0, engraftment, transfusion) at an x position.</summary>
public sealed record ChartMarker(double X, string Text);

/// <summary>
/// A shaded stretch of x values (a treatment phase); <see cref="Range"/> says it in day labels and
/// <see cref="Number"/> (1, 2, …) is written on the band, so bands differ without colour.
/// </summary>
public sealed record ChartBand(double X1, double X2, string Text, string Range, int Number);

/// <summary>The normal range shaded behind the values, and where it comes from ("your lab's range" or §6's example).</summary>
public sealed record ChartNormalRange(double Low, double High, string Text);

/// <summary>
/// The numbers behind one chart, computed from a course snapshot: the same data feeds the SVG,
/// its text alternative, the data table beside it and the ETag (a hash of this data).
/// </summary>
public sealed class ChartData
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    public required IReadOnlyList<ChartSeries> Series { get; init; }
    public IReadOnlyList<(double Y, string Text)> Thresholds { get; init; } = [];
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];
    /// <summary>Phases shaded behind the values (count charts only).</summary>
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];
    /// <summary>The normal range shaded across the chart (haemoglobin, lymphocytes), if known.</summary>
    public ChartNormalRange? NormalRange { get; init; }
    /// <summary>True when x is months since Day 0 rather than days.</summary>
    public bool ByMonth => XLabel == MonthsLabel;
    private const string MonthsLabel = "Months since Day 0";
    public required string AltText { get; init; }

    public bool IsEmpty => Series.All(s => s.Points.Count == 0);

    /// <summary>The window of the count charts, in days from Day 0.</summary>
    public const int FirstChartDay = -14, LastChartDay = 35;

    /// <summary>The chart names served by the chart endpoint.</summary>
    public static readonly string[] Names = ["neutrophils", "platelets", "haemoglobin", "lymphocytes", "edss"];

    /// <summary>A hash of everything drawn: equal data, equal ETag.</summary>
    public string Hash()
    {
        var text = new StringBuilder(Name).Append('|').Append(Title);
        foreach (var s in Series)
        {
            text.Append('|').Append(s.Name);
            foreach (var p in s.Points) text.Append(';').Append(p.X.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(p.Y.ToString("R", CultureInfo.InvariantCulture));
        }
        foreach (var t in Thresholds) text.Append("|t").Append(t.Y.ToString("R", CultureInfo.InvariantCulture));
        foreach (var b in Bands) text.Append("|b").Append(b.X1.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(b.X2.ToString("R", CultureInfo.InvariantCulture)).Append(b.Text);
        if (NormalRange is { } n) text.Append("|n").Append(n.Low.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(n.High.ToString("R", CultureInfo.InvariantCulture)).Append(n.Text);
        foreach (var m in Markers) text.Append("|m").Append(m.X.ToString("R", CultureInfo.InvariantCulture)).Append(m.Text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
    }

    /// <summary>The named chart of a course, or null for an unknown name or a course without Day 0.</summary>
    public static ChartData? For(CourseSnapshot s, string name)
    {
        if (s.Course.DayZero is not { } zero) return null;
        // A chart of the course as it stood on a past day (a post's embed) says so in its title.
        var asOf = s.AsOfDate is { } day ? $" as of {DayNumbering.DayLabel(DayNumbering.Offset(zero, day))}" : "";
        return name switch
        {
            "neutrophils" => Counts(s, zero, name, "Neutrophils and white cells by day" + asOf, [LabAnalyte.Anc, LabAnalyte.Wbc],
                // domain/hsct.md §5: ANC 0.5 × 10⁹/L.
                [((double)EngraftmentCalculator.NeutrophilThreshold, "ANC 0.5")],
                s.Engraftment?.Neutrophils, "neutrophil engraftment", [], "× 10⁹/L"),
            "platelets" => Counts(s, zero, name, "Platelets by day" + asOf, [LabAnalyte.Platelets],
                // domain/hsct.md §5: platelets 20 and 50 × 10⁹/L.
                [((double)EngraftmentCalculator.PlateletThreshold, "20"), ((double)EngraftmentCalculator.PlateletHigherThreshold, "50")],
                s.Engraftment?.Platelets20, "platelet engraftment (≥ 20)",
                s.PlateletTransfusions.Select(d => new ChartMarker(DayNumbering.Offset(zero, d), "platelet transfusion")).ToList(), "× 10⁹/L"),
            // Issue 9 item 3: Hb with its normal band and red-cell transfusions marked.
            "haemoglobin" => Counts(s, zero, name, "Haemoglobin by day" + asOf, [LabAnalyte.Haemoglobin], [], null, "",
                s.Events.Where(e => e.Type == TreatmentEventType.Transfusion && e.Product == TransfusionProduct.RedCells)
                    .Select(e => new ChartMarker(DayNumbering.Offset(zero, e.Date), "red cell transfusion")).ToList(), "g/dL",
                // domain/hsct.md §6: adult Hb, women 11.6–15.0 and men 13.2–16.6 g/dL.
                NormalRangeOf(s, LabAnalyte.Haemoglobin, new ChartNormalRange(11.6, 16.6, "example adult range 11.6–16.6 g/dL (women from 11.6, men up to 16.6)"))),
            "lymphocytes" => Lymphocytes(s, zero, asOf),
            "edss" => Edss(s, zero, asOf),
            _ => null,
        };
    }

    private static ChartData Counts(CourseSnapshot s, DateOnly zero, string name, string title, LabAnalyte[] analytes,
        List<(double, string)> thresholds, EngraftmentOutcome? engraftment, string engraftmentText, List<ChartMarker> extra, string unit,
        ChartNormalRange? normal = null)
    {
        // The story of counts is the first weeks around Day 0; later values are in "Latest counts".
        static bool InWindow(int day) => day is >= FirstChartDay and <= LastChartDay;
        var series = analytes.Select(a => new ChartSeries(LabAnalyteCatalogue.Get(a).Name,
            s.Labs.Where(l => l.Analyte == a && InWindow(DayNumbering.Offset(zero, l.Date))).Select(l => ((double)DayNumbering.Offset(zero, l.Date), (double)l.Value, s.DayLabel(l.Date)!)).ToList())).ToList();
        if (analytes.Contains(LabAnalyte.Anc) && s.Engraftment is { } report && report.Anc.Any(a => a.Derived))
        {
            // domain/hsct.md §5: an ANC derived from WBC × neutrophil % of one sample is marked as derived.
            series.Insert(1, new ChartSeries("ANC (derived: WBC × neutrophil %)",
                report.Anc.Where(a => a.Derived && InWindow(DayNumbering.Offset(zero, a.Date)))
                    .Select(a => ((double)DayNumbering.Offset(zero, a.Date), (double)a.Value, s.DayLabel(a.Date)!)).ToList()));
        }
        var markers = new List<ChartMarker> { new(0, "Day 0") };
        extra = extra.Where(m => m.X is >= FirstChartDay and <= LastChartDay).ToList();
        if (engraftment is EngraftmentOutcome.Engrafted e) markers.Add(new ChartMarker(e.DayNumber, engraftmentText + " " + e.DayLabel));
        markers.AddRange(extra);
        var alt = new StringBuilder($"{title}, Day −14 to Day +35. ");
        foreach (var one in series.Where(x => x.Points.Count > 0))
        {
            var low = one.Points.MinBy(p => p.Y);
            alt.Append($"{one.Name}: {one.Points.Count} values from {one.Points[0].Label} to {one.Points[^1].Label}; lowest {low.Y.ToString("0.##", CultureInfo.InvariantCulture)} on {low.Label}; latest {one.Points[^1].Y.ToString("0.##", CultureInfo.InvariantCulture)}. ");
        }
        if (series.All(x => x.Points.Count == 0)) alt.Append("No values recorded yet. ");
        if (thresholds.Count > 0) alt.Append("Threshold lines at ").Append(string.Join(" and ", thresholds.Select(t => t.Item2))).Append($" {unit}. ");
        if (normal is not null) alt.Append($"Normal range shaded: {normal.Text}. ");
        alt.Append(engraftment switch
        {
            EngraftmentOutcome.Engrafted en => $"Computed {engraftmentText}: {en.DayLabel}.",
            EngraftmentOutcome.NotYet => $"Computed {engraftmentText}: not yet.",
            EngraftmentOutcome.NeverBelow => $"Computed {engraftmentText}: never below the threshold.",
            EngraftmentOutcome.CannotCompute => $"Computed {engraftmentText}: cannot be computed, the low period was not recorded.",
            _ => "",
        });
        if (extra.Count > 0) alt.Append($" {char.ToUpperInvariant(extra[0].Text[0])}{extra[0].Text[1..]}s marked on {string.Join(", ", extra.Select(m => DayNumbering.DayLabel((int)m.X)))}.");
        var bands = PhaseBands(s, zero);
        if (bands.Count > 0) alt.Append(" Phases shaded and numbered: ").Append(string.Join("; ", bands.Select(b => $"{b.Number} {b.Text} {b.Range}"))).Append('.');
        return new ChartData
        {
            Name = name, Title = title, XLabel = "Day after reinfusion (Day 0)", YLabel = unit,
            Series = series, Thresholds = thresholds, Markers = markers, Bands = bands, NormalRange = normal, AltText = alt.ToString().Trim(),
        };
    }

    /// <summary>
    /// The recorded phases (domain/hsct.md §1) inside the chart window, each day drawn as the cell
    /// from half a day before to half a day after it; the latest phase runs to today.
    /// </summary>
    private static List<ChartBand> PhaseBands(CourseSnapshot s, DateOnly zero)
    {
        // A phase dated after the snapshot's day is not drawn (a past day's chart shows what was known then).
        var spans = PhaseTimeline.Spans(s.Course.Phases.Where(p => (p.Started is not null || p.Planned is not null) && p.EffectiveDate <= s.Today)
            .Select(p => new PhaseEntry(p.Phase, p.EffectiveDate)));
        var bands = new List<ChartBand>();
        foreach (var span in spans)
        {
            var first = Math.Max(DayNumbering.Offset(zero, span.From), FirstChartDay);
            var last = Math.Min(span.Until is { } until ? DayNumbering.Offset(zero, until) - 1 : DayNumbering.Offset(zero, s.Today), LastChartDay);
            if (last < first) continue;
            var range = first == last ? DayNumbering.DayLabel(first) : $"{DayNumbering.DayLabel(first)} to {DayNumbering.DayLabel(last)}";
            bands.Add(new ChartBand(first - 0.5, last + 0.5, span.Phase.Name(), range, bands.Count + 1));
        }
        return bands;
    }

    /// <summary>What the chart marks besides the values, in words, for the data table beside it.</summary>
    public IEnumerable<string> MarkedInWords() =>
        Bands.Select(b => $"{char.ToUpperInvariant(b.Text[0])}{b.Text[1..]} (shaded, numbered {b.Number}): {b.Range}")
            .Concat(ByMonth ? [] : Markers.Select(m => m.Text == "Day 0" ? "Day 0 (solid line)" : $"{m.Text} (dotted line): {DayNumbering.DayLabel((int)m.X)}"))
            .Concat(Thresholds.Select(t => $"Threshold {t.Text} {YLabel} (dashed line)"))
            .Concat(NormalRange is { } n ? [$"Normal range (shaded across): {n.Text}"] : []);

    /// <summary>
    /// The lab's own range of the latest value that has one, in the canonical unit (domain/hsct.md
    /// §6: store the lab's reference range); else <paramref name="example"/>.
    /// </summary>
    private static ChartNormalRange? NormalRangeOf(CourseSnapshot s, LabAnalyte analyte, ChartNormalRange? example, double scale = 1)
    {
        var withRange = s.Labs.LastOrDefault(l => l.Analyte == analyte && l.ReferenceLow is not null && l.ReferenceHigh is not null);
        if (withRange is not null
            && LabUnits.ToCanonical(analyte, withRange.ReferenceLow!.Value, withRange.OriginalUnit) is { IsSuccess: true } low
            && LabUnits.ToCanonical(analyte, withRange.ReferenceHigh!.Value, withRange.OriginalUnit) is { IsSuccess: true } high)
        {
            var (l, h) = ((double)low.Value!.Value * scale, (double)high.Value!.Value * scale);
            return new ChartNormalRange(l, h, $"your lab's range {l.ToString("0.##", CultureInfo.InvariantCulture)}–{h.ToString("0.##", CultureInfo.InvariantCulture)}");
        }
        return example;
    }

    /// <summary>
    /// Immune reconstitution over months (issue 9 item 3): lymphocytes and CD4 on one axis, CD4
    /// converted from cells/µL to × 10⁹/L (÷ 1000, domain/hsct.md §6) so both read against the
    /// lymphocyte normal range (§6: 1.1–4.0 × 10⁹/L, or the lab's own).
    /// </summary>
    private static ChartData Lymphocytes(CourseSnapshot s, DateOnly zero, string asOf)
    {
        static double Month(DateOnly zero, DateOnly d) => Math.Round(DayNumbering.Offset(zero, d) / 30.4375, 1);
        var lymphocytes = new ChartSeries("Lymphocytes", s.Labs.Where(l => l.Analyte == LabAnalyte.Lymphocytes)
            .Select(l => (Month(zero, l.Date), (double)l.Value, s.Label(l.Date)!)).ToList());
        var cd4 = new ChartSeries("CD4 (cells/µL ÷ 1000)", s.Labs.Where(l => l.Analyte == LabAnalyte.Cd4)
            .Select(l => (Month(zero, l.Date), (double)l.Value / 1000, s.Label(l.Date)!)).ToList());
        var normal = NormalRangeOf(s, LabAnalyte.Lymphocytes, new ChartNormalRange(1.1, 4.0, "example adult lymphocyte range 1.1–4.0 × 10⁹/L"));
        var alt = new StringBuilder("Lymphocytes and CD4 cells over months since Day 0. ");
        foreach (var one in new[] { lymphocytes, cd4 }.Where(x => x.Points.Count > 0))
        {
            var low = one.Points.MinBy(p => p.Y);
            alt.Append($"{one.Name}: {one.Points.Count} values from {one.Points[0].Label} to {one.Points[^1].Label}; lowest {low.Y.ToString("0.###", CultureInfo.InvariantCulture)} on {low.Label}; latest {one.Points[^1].Y.ToString("0.###", CultureInfo.InvariantCulture)}. ");
        }
        if (lymphocytes.Points.Count + cd4.Points.Count == 0) alt.Append("No values recorded yet. ");
        if (normal is not null) alt.Append($"Normal range shaded: {normal.Text}.");
        return new ChartData
        {
            Name = "lymphocytes", Title = "Lymphocytes and CD4 over months" + asOf, XLabel = MonthsLabel, YLabel = "× 10⁹/L",
            Series = [lymphocytes, cd4], Markers = [new ChartMarker(0, "Day 0")], NormalRange = normal, AltText = alt.ToString().Trim(),
        };
    }

    private static ChartData Edss(CourseSnapshot s, DateOnly zero, string asOf)
    {
        var points = s.Events.Where(e => e.Type == TreatmentEventType.Edss && e.Value is not null)
            .Select(e => (Math.Round(DayNumbering.Offset(zero, e.Date) / 30.4375, 1), (double)e.Value!.Value, s.Label(e.Date)!)).ToList();
        var alt = points.Count == 0 ? "EDSS over months: no scores recorded yet."
            : $"EDSS over months since Day 0: {string.Join("; ", points.Select(p => $"{p.Item2.ToString("0.0", CultureInfo.InvariantCulture)} at {p.Item3}"))}.";
        return new ChartData
        {
            Name = "edss", Title = "EDSS over months" + asOf, XLabel = MonthsLabel, YLabel = "EDSS",
            Series = [new ChartSeries("EDSS", points)], Markers = [new ChartMarker(0, "Day 0")], AltText = alt,
        };
    }
}
