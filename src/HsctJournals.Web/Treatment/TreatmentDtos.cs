using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The course's own fields for PUT. Dates are YYYY-MM-DD; PUT replaces them all, an omitted sharing keeps the current one.
/// <see cref="InfusedCd34PerKg"/> is the CD34+ dose infused in × 10⁶/kg, as text like lab values ("5.8" or "5,8").
/// </summary>
public sealed record TreatmentCourseRequest(
    string? Condition, string? Centre, string? Country, string? Protocol, string? DayZero,
    string? ProtocolStart, int? ProtocolFirstDay, string? DeclaredNeutrophilEngraftment, string? DeclaredPlateletEngraftment,
    TreatmentSharing? Sharing, string? InfusedCd34PerKg = null)
{
    public CourseInput ToInput() => new()
    {
        Condition = Condition, Centre = Centre, Country = Country, Protocol = Protocol, DayZero = DayZero,
        ProtocolStart = ProtocolStart, ProtocolFirstDay = ProtocolFirstDay,
        DeclaredNeutrophilEngraftment = DeclaredNeutrophilEngraftment, DeclaredPlateletEngraftment = DeclaredPlateletEngraftment, Sharing = Sharing,
        InfusedCd34PerKg = InfusedCd34PerKg,
    };
}

/// <summary>A phase as recorded.</summary>
public sealed record PhaseDto(Phase Phase, DateOnly? Planned, DateOnly? Started, string? DayLabel);

/// <summary>A treatment course as its viewer may see it. Labels are computed on the owner's calendar; <see cref="InfusedCd34PerKg"/> is × 10⁶/kg.</summary>
public sealed record TreatmentCourseDto(
    string Journal, string? Condition, string? Centre, string? Country, string? Protocol, DateOnly? DayZero,
    DateOnly? ProtocolStart, int ProtocolFirstDay, DateOnly? DeclaredNeutrophilEngraftment, DateOnly? DeclaredPlateletEngraftment,
    TreatmentSharing? Sharing, string? TodayLabel, IReadOnlyList<PhaseDto> Phases, int LabCount, int EventCount,
    decimal? InfusedCd34PerKg)
{
    public static TreatmentCourseDto From(CourseSnapshot s)
    {
        var c = s.Course;
        return new TreatmentCourseDto(s.View.Journal.Slug, c.Condition, c.Centre, c.Country, c.Protocol, c.DayZero,
            c.ProtocolStart, c.ProtocolFirstDay, c.DeclaredNeutrophilEngraftment, c.DeclaredPlateletEngraftment,
            // Only the owner learns the sharing setting.
            s.View.IsOwner ? c.Sharing : null, s.Course.DayZero is null ? null : s.Labels(s.Today),
            c.Phases.Select(p => new PhaseDto(p.Phase, p.Planned, p.Started, s.DayLabel(p.EffectiveDate))).ToList(),
            s.Labs.Count, s.Events.Count, c.InfusedCd34PerKg);
    }
}

/// <summary>
/// One computed engraftment result (domain/hsct.md §5). <see cref="Status"/> is one of
/// <c>engrafted</c> (with date, day number and label), <c>notYet</c>, <c>neverBelow</c> or
/// <c>cannotCompute</c>, with the reason in words.
/// </summary>
public sealed record EngraftmentDto(string Status, DateOnly? Date, int? Day, string? DayLabel, string? Reason)
{
    public static EngraftmentDto From(EngraftmentOutcome? outcome) => outcome switch
    {
        EngraftmentOutcome.Engrafted e => new(e.Status, e.Date, e.DayNumber, e.DayLabel, null),
        EngraftmentOutcome.NotYet n => new(n.Status, null, null, null, n.Reason),
        EngraftmentOutcome.NeverBelow b => new(b.Status, null, null, null, b.Reason),
        EngraftmentOutcome.CannotCompute c => new(c.Status, null, null, null, c.Reason),
        // No Day 0: nothing to count from yet.
        _ => new("notYet", null, null, null, "Day 0 is not set yet, so there is nothing to count from."),
    };
}

/// <summary>A dated milestone with its day number; computed engraftment carries its <see cref="Status"/>.</summary>
public sealed record MilestoneDto(MilestoneKind Kind, string Title, DateOnly? Date, int? Day, string? DayLabel, string? Detail, string? Status);

/// <summary>A clinic-declared date with its day number.</summary>
public sealed record DeclaredDateDto(DateOnly Date, int Day, string DayLabel);

/// <summary>
/// Engraftment computed (§5) and as declared by the clinic, plus the milestone list and the values
/// the computation could not use (<see cref="Problems"/>, e.g. a neutrophil % without a WBC of the same sample).
/// </summary>
public sealed record MilestonesDto(
    DateOnly? DayZero, EngraftmentDto Neutrophils, EngraftmentDto Platelets20, EngraftmentDto Platelets50,
    DeclaredDateDto? DeclaredNeutrophils, DeclaredDateDto? DeclaredPlatelets, IReadOnlyList<MilestoneDto> Milestones,
    IReadOnlyList<string> Problems)
{
    public static MilestonesDto From(CourseSnapshot s)
    {
        var zero = s.Course.DayZero;
        DeclaredDateDto? Declared(DateOnly? d) => d is { } v && zero is { } z
            ? new DeclaredDateDto(v, DayNumbering.Offset(z, v), DayNumbering.DayLabel(DayNumbering.Offset(z, v))) : null;
        return new MilestonesDto(zero,
            EngraftmentDto.From(s.Engraftment?.Neutrophils), EngraftmentDto.From(s.Engraftment?.Platelets20), EngraftmentDto.From(s.Engraftment?.Platelets50),
            Declared(s.Course.DeclaredNeutrophilEngraftment), Declared(s.Course.DeclaredPlateletEngraftment),
            s.Milestones.Select(m => new MilestoneDto(m.Kind, m.Title, m.Date,
                m.Date is { } d && zero is { } z ? DayNumbering.Offset(z, d) : null, m.Date is { } d2 ? s.DayLabel(d2) : null, m.Detail, m.Status)).ToList(),
            s.Engraftment?.Problems ?? []);
    }
}

/// <summary>JSON lab rows; confirm=true stores values the plausibility check questions.</summary>
public sealed record LabRowsRequest(IReadOnlyList<LabRowInput>? Results, bool Confirm = false);

/// <summary>One row of an import report.</summary>
public sealed record LabRowOutcomeDto(int Row, LabRowStatus Status, string Message);

/// <summary>The per-row report of a lab import.</summary>
public sealed record LabImportReportDto(int Total, int Imported, int Duplicates, int Questions, int Errors, string? FileError, IReadOnlyList<LabRowOutcomeDto> Rows)
{
    public static LabImportReportDto From(LabImportReport r) =>
        new(r.Total, r.Imported, r.Duplicates, r.Questions, r.Errors, r.FileError, r.Rows.OrderBy(x => x.Row).Select(x => new LabRowOutcomeDto(x.Row, x.Status, x.Message)).ToList());
}

/// <summary>A stored event; <see cref="Product"/> is the coded product of a transfusion.</summary>
public sealed record TreatmentEventDto(int Id, DateOnly Date, string? DayLabel, TreatmentEventType Type, decimal? Value, int? Grade, TransfusionProduct? Product, string? Detail, string? Note, string? EnteredAs = null);
