using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Everything shown about one course, loaded once: the course with its lines, the owner's
/// calendar (labels are computed in the owner's time zone, domain/hsct.md §2) and the
/// engraftment computed from the stored values (§5).
/// </summary>
public sealed class CourseSnapshot
{
    public required TreatmentView View { get; init; }
    public TreatmentCourse Course => View.Course;
    public required TimeZoneInfo Zone { get; init; }
    /// <summary>Today on the owner's calendar.</summary>
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<LabResult> Labs { get; init; }
    public required IReadOnlyList<TreatmentEvent> Events { get; init; }
    /// <summary>Null until Day 0 is known.</summary>
    public EngraftmentReport? Engraftment { get; init; }
    public required IReadOnlyList<Milestone> Milestones { get; init; }
    /// <summary>Set when this is the course as it stood on a past date (<see cref="AsOf"/>); null for the course now.</summary>
    public DateOnly? AsOfDate { get; init; }

    /// <summary>
    /// The snapshot from stored rows: engraftment computed from the values (domain/hsct.md §5) on the
    /// owner's calendar day <paramref name="today"/>.
    /// </summary>
    /// <param name="labs">Ordered by date, time and analyte.</param>
    /// <param name="events">Ordered by date and entry.</param>
    public static CourseSnapshot Create(TreatmentView view, TimeZoneInfo zone, DateOnly today,
        IReadOnlyList<LabResult> labs, IReadOnlyList<TreatmentEvent> events, DateOnly? asOf = null)
    {
        var course = view.Course;
        EngraftmentReport? report = course.DayZero is { } zero
            // Entry order (Id) settles ties between values of one sample or one day (decision 0015).
            ? EngraftmentCalculator.Calculate(zero,
                labs.OrderBy(l => l.Id).Select(l => new DatedLabValue(l.Date, l.Analyte, l.Value, l.Time)),
                events.Where(TreatmentEvents.IsPlateletTransfusion).Select(e => e.Date), today)
            : null;
        return new CourseSnapshot
        {
            View = view, Zone = zone, Today = today, Labs = labs, Events = events, Engraftment = report,
            Milestones = Treatment.Milestones.For(course, report, today), AsOfDate = asOf,
        };
    }

    /// <summary>
    /// The course as it stood at the end of <paramref name="date"/> on the owner's calendar: only
    /// values and events recorded for that day or before, engraftment computed as it could be then.
    /// A post embeds its charts this way, so a Day +10 post shows the counts to Day +10 (issue 9
    /// item 4). A date today or later is the course now.
    /// </summary>
    public CourseSnapshot AsOf(DateOnly date) => date >= Today ? this
        : Create(View, Zone, date, Labs.Where(l => l.Date <= date).ToList(), Events.Where(e => e.Date <= date).ToList(), date);

    /// <summary>"Day +12" (or "Month 7", "Year 2") for a date, or null without Day 0.</summary>
    public string? Label(DateOnly date) => Course.DayZero is { } zero ? DayNumbering.Label(zero, date) : null;

    /// <summary>"Day +12" always in days, or null without Day 0.</summary>
    public string? DayLabel(DateOnly date) => Course.DayZero is { } zero ? DayNumbering.DayLabel(DayNumbering.Offset(zero, date)) : null;

    /// <summary>The clinic's protocol-day label beside the transplant day (§0), or null.</summary>
    public string? ProtocolLabel(DateOnly date) =>
        Course.ProtocolStart is { } start ? ProtocolDays.Label(start, date, Course.ProtocolFirstDay) : null;

    /// <summary>Both labels, e.g. "Day +3 · Protocol day 16".</summary>
    public string Labels(DateOnly date) =>
        string.Join(" · ", new[] { Label(date), ProtocolLabel(date) }.Where(l => l is not null));

    /// <summary>Dates of platelet transfusions, which pause platelet engraftment (§5).</summary>
    public IEnumerable<DateOnly> PlateletTransfusions => Events.Where(TreatmentEvents.IsPlateletTransfusion).Select(e => e.Date);

    /// <summary>When mobilisation started: the recorded phase, else the first mobilisation drug (§9 interval).</summary>
    public DateOnly? MobilisationStart =>
        Course.Phases.Where(p => p.Phase == Phase.Mobilisation).Select(p => (DateOnly?)(p.Started ?? p.Planned)).Min()
        ?? Course.Drugs.Where(d => d.Purpose == DrugPurpose.Mobilisation).Select(d => d.StartDate).Min();
}
