using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment.Days;

/// <summary>How a reader may browse a journal's posts by treatment day.</summary>
public enum DayBrowseMode
{
    /// <summary>Nothing to browse (no link, the page answers 404).</summary>
    None,
    /// <summary>By day-label ranges only: what the byline already shows when the journal shows day numbers.</summary>
    DayLabels,
    /// <summary>By recorded phase, labelled by day: treatment data, only under the sharing rule.</summary>
    Phases,
}

/// <summary>A heading and the posts under it, oldest first.</summary>
public sealed record DayGroup(string Heading, string? Detail, IReadOnlyList<DayPost> Posts);

/// <summary>A post in a group with its day label (null without Day 0).</summary>
public sealed record DayPost(PostSummary Post, string? Label);

/// <summary>
/// Groups a journal's live posts by treatment phase and day (issue 4, item 3). Phase names are
/// treatment data, so they are used only when <see cref="TreatmentAccess"/> lets the reader see the
/// course; a reader without that right gets day-label ranges, and only when the journal shows day
/// numbers in bylines anyway (<see cref="Journal.ShowDayNumbers"/>, as <see cref="DayLabels"/>).
/// Dates are calendar dates in the owner's time zone (domain/hsct.md §2).
/// </summary>
public sealed class PostDays(JournalsDbContext db, JournalAccess journals, TreatmentAccess treatment, JournalTimeZone clock)
{
    private sealed record Basis(DayBrowseMode Mode, DateOnly? DayZero, IReadOnlyList<PhaseSpan> Spans);

    /// <summary>
    /// Whether to link to the days page from a readable journal, given the treatment view the reader
    /// may have of it (<see cref="TreatmentAccess.ViewableAsync"/>; null when none).
    /// </summary>
    public async Task<bool> ShowsLinkAsync(Journal journal, TreatmentView? view, CancellationToken ct = default) =>
        (await BasisAsync(journal, view, ct)).Mode != DayBrowseMode.None;

    /// <summary>The mode and groups for a journal the reader can read; mode None means "answer 404".</summary>
    public async Task<(DayBrowseMode Mode, IReadOnlyList<DayGroup> Groups)> GroupsAsync(JournalContext here, CancellationToken ct = default)
    {
        var journal = here.Journal;
        var view = await treatment.ViewableAsync(here, ct);
        var basis = await BasisAsync(journal, view, ct);
        if (basis.Mode == DayBrowseMode.None) return (basis.Mode, []);
        var zone = await clock.OwnerZoneAsync(journal.Id, ct);
        var posts = await PostQueries.Project(journals.LivePostsOf(here)
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)).ToListAsync(ct);
        var dated = posts.Select(p => (Post: p with { DayLabel = null }, Date: LocalDates.ToLocalDate(new DateTimeOffset(p.PublishedAt!.Value, TimeSpan.Zero), zone)))
            .Select(x => (x.Post, x.Date, Label: basis.DayZero is { } zero ? DayNumbering.Label(zero, x.Date) : null))
            .ToList();

        if (basis.Mode == DayBrowseMode.Phases && basis.Spans.Count > 0)
        {
            return (basis.Mode, dated.GroupBy(x => PhaseTimeline.At(basis.Spans, x.Date))
                .OrderBy(g => g.Key?.Index ?? -1)
                .Select(g => new DayGroup(
                    g.Key is { } span ? span.Phase.Title() : "Before the first recorded phase",
                    g.Key is { } s ? SpanDetail(s, basis.DayZero) : null,
                    g.Select(x => new DayPost(x.Post with { DayLabel = x.Label }, x.Label)).ToList()))
                .ToList());
        }
        // Day-label ranges: for readers without treatment rights, and for a course with Day 0 but no recorded phases.
        var dayZero = basis.DayZero!.Value;
        return (basis.Mode, dated.GroupBy(x => DayPeriods.Of(dayZero, x.Date)).OrderBy(g => g.Key.Order)
            .Select(g => new DayGroup(g.Key.Label, null, g.Select(x => new DayPost(x.Post with { DayLabel = x.Label }, x.Label)).ToList()))
            .ToList());
    }

    private async Task<Basis> BasisAsync(Journal journal, TreatmentView? view, CancellationToken ct)
    {
        if (view is not null && view.Journal.Id == journal.Id)
        {
            var courseId = view.Course.Id;
            var phases = (await db.TreatmentPhases.AsNoTracking().Where(p => p.CourseId == courseId).ToListAsync(ct))
                .OrderBy(p => p.Id).Where(p => p.Started is not null || p.Planned is not null)
                .Select(p => new PhaseEntry(p.Phase, p.EffectiveDate)).ToList();
            var spans = PhaseTimeline.Spans(phases);
            if (spans.Count > 0 || view.Course.DayZero is not null) return new Basis(DayBrowseMode.Phases, view.Course.DayZero, spans);
        }
        if (!journal.ShowDayNumbers) return new Basis(DayBrowseMode.None, null, []);
        // The same Day 0 the byline labels use (DayLabels): the current course's.
        var dayZero = (await treatment.CurrentCourseAsync(journal.Id, ct))?.DayZero;
        return dayZero is null ? new Basis(DayBrowseMode.None, null, []) : new Basis(DayBrowseMode.DayLabels, dayZero, []);
    }

    private static string SpanDetail(PhaseSpan span, DateOnly? dayZero)
    {
        string When(DateOnly d) => dayZero is { } z ? $"{DayNumbering.Label(z, d)} ({TreatmentText.Iso(d)})" : TreatmentText.Iso(d);
        return span.Until is { } until ? $"{When(span.From)} to {When(until.AddDays(-1))}" : $"from {When(span.From)}";
    }
}
