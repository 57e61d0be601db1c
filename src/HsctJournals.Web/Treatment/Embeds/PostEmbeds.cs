using System.Globalization;
using System.Text.Encodings.Web;
using HsctJournals.Domain.Text;
using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Treatment.Embeds;

/// <summary>
/// Replaces embed shortcodes in a post's HTML at read time, for the reader at hand (domain/hsct.md
/// §11). The stored HTML is the same for everyone, so the decision cannot be made when saving: a
/// reader whom <see cref="TreatmentAccess"/> lets see the journal's treatment data gets the chart
/// or the milestone; anyone else gets nothing at all — no placeholder, no hint that data exists.
/// Only the course of the post's own journal is ever used.
/// </summary>
public sealed class PostEmbeds(TreatmentAccess access, TreatmentQueries queries) : IPostEmbeds
{
    /// <summary>Chart names, as in <see cref="ChartData.Names"/>.</summary>
    public static IReadOnlyList<string> ChartNames => ChartData.Names;

    /// <summary>The milestone names a shortcode may use.</summary>
    public static readonly string[] MilestoneNames = ["day0", "engraftment", "platelet-engraftment", "discharge", "anniversary"];

    /// <inheritdoc/>
    public async Task<string> ForReaderAsync(string html, Journal journal, Reader reader, bool preview = false, DateTime? postedAtUtc = null, CancellationToken ct = default)
    {
        if (!EmbedShortcodes.Has(html)) return html;
        var view = await access.FindViewableAsync(journal.Slug, reader, ct);
        // The journal is matched by id too: a view is only ever of the post's own journal.
        if (view is null || view.Journal.Id != journal.Id)
            return EmbedShortcodes.Replace(html, code => preview
                ? Note(code, "shown here only to readers who may see this journal's treatment data.")
                : "");
        var snapshot = await queries.LoadAsync(view, ct);
        var basePath = $"/j/{Uri.EscapeDataString(journal.Slug)}/treatment";
        return EmbedShortcodes.Replace(html, code =>
        {
            var rendered = code.Kind == EmbedKind.Chart ? Chart(ChartSnapshot(snapshot, code, postedAtUtc), snapshot, code.Name, basePath) : Milestone(snapshot, code.Name, basePath);
            return rendered ?? (preview ? Note(code, Why(snapshot, code)) : "");
        });
    }

    /// <summary>The course as it stood on the post's day, or now for <c>latest</c> and drafts.</summary>
    private static CourseSnapshot ChartSnapshot(CourseSnapshot s, EmbedShortcode code, DateTime? postedAtUtc) =>
        code.Latest || postedAtUtc is not { } at ? s : s.AsOf(LocalDates.ToLocalDate(new DateTimeOffset(at, TimeSpan.Zero), s.Zone));

    /// <param name="s">The course as the chart shows it.</param>
    /// <param name="now">The course now, which names the link to the latest values.</param>
    private static string? Chart(CourseSnapshot s, CourseSnapshot now, string name, string basePath)
    {
        var data = ChartData.For(s, name);
        if (data is null || data.IsEmpty) return null;
        var e = HtmlEncoder.Default;
        var src = $"{basePath}/charts/{data.Name}.svg";
        if (s.AsOfDate is not { } asOf)
            return $"""
                <figure class="chart embed-chart">
                {ChartImage.Html(data, src)}
                <figcaption>{e.Encode(data.Title)} · <a href="{basePath}#chart-data-{e.Encode(data.Name)}">{e.Encode(data.Title)}: data table</a></figcaption>
                </figure>

                """;
        // As of the post's day; the latest values are one link away, on the treatment page.
        var subject = ChartData.For(now, name)!.Title;
        return $"""
            <figure class="chart embed-chart">
            {ChartImage.Html(data, src, "asof=" + TreatmentText.Iso(asOf))}
            <figcaption>{e.Encode(data.Title)} · <a href="{basePath}#chart-data-{e.Encode(data.Name)}">{e.Encode(subject)}: data table</a> · <a href="{basePath}#charts">{e.Encode(subject)}: latest values</a></figcaption>
            </figure>

            """;
    }

    private static string? Milestone(CourseSnapshot s, string name, string basePath)
    {
        var c = s.Course;
        if (c.DayZero is null) return null;
        var report = s.Engraftment;
        var (date, text) = name switch
        {
            "day0" => (c.DayZero, "stem cells reinfused (Day 0)"),
            "engraftment" => Engraftment(report?.Neutrophils, c.DeclaredNeutrophilEngraftment, "neutrophil engraftment"),
            "platelet-engraftment" => Engraftment(report?.Platelets20, c.DeclaredPlateletEngraftment, "platelet engraftment"),
            "discharge" => (c.Phases.Where(p => p.Phase == Phase.Discharge).Select(p => p.Started).FirstOrDefault(d => d is not null), "discharged home"),
            "anniversary" => Anniversary(s),
            _ => (null, ""),
        };
        if (date is not { } d) return null;
        var e = HtmlEncoder.Default;
        return $"<p class=\"embed-milestone\"><a href=\"{basePath}#milestones\"><strong>{e.Encode(s.Label(d)!)}</strong></a> ({TreatmentText.Iso(d)}): {e.Encode(text)}.</p>\n";
    }

    /// <summary>The computed date (domain/hsct.md §5) with the clinic's declared one beside it; either alone when only one is known.</summary>
    private static (DateOnly?, string) Engraftment(EngraftmentOutcome? computed, DateOnly? declared, string what)
    {
        if (computed is EngraftmentOutcome.Engrafted e)
        {
            var beside = declared is { } dd && dd != e.Date ? $"; the clinic declared {TreatmentText.Iso(dd)}" : declared is not null ? ", as the clinic declared" : "";
            return (e.Date, $"{what}, computed from the counts{beside}");
        }
        return declared is { } only ? (only, $"{what}, as the clinic declared") : (null, "");
    }

    private static (DateOnly?, string) Anniversary(CourseSnapshot s)
    {
        var passed = s.Milestones.LastOrDefault(m => m.Kind == MilestoneKind.Anniversary && m.Date <= s.Today);
        var shown = passed ?? s.Milestones.FirstOrDefault(m => m.Kind == MilestoneKind.Anniversary);
        return shown?.Date is { } d ? (d, shown.Title.ToLower(CultureInfo.InvariantCulture)) : (null, "");
    }

    private static string Why(CourseSnapshot s, EmbedShortcode code) => code.Kind switch
    {
        EmbedKind.Chart when !ChartData.Names.Contains(code.Name) => $"no chart of that name; use {string.Join(", ", ChartData.Names)}.",
        EmbedKind.Milestone when !MilestoneNames.Contains(code.Name) => $"no milestone of that name; use {string.Join(", ", MilestoneNames)}.",
        _ when s.Course.DayZero is null => "appears once Day 0 is set in the treatment course.",
        _ => "nothing recorded for it yet; it appears once there is.",
    };

    /// <summary>A line for the writer in the editor preview only.</summary>
    private static string Note(EmbedShortcode code, string why) =>
        $"<p class=\"hint embed-note\">{HtmlEncoder.Default.Encode(code.Text)}: {HtmlEncoder.Default.Encode(why)}</p>\n";
}
