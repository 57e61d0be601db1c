using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The milestones of a course: Day 0, engraftment computed (§5) and as the clinic declared it,
/// discharges, and Day-0 anniversaries (§0, §2). Dates come from the stored data and the domain
/// rules; nothing here decides a clinical question itself.
/// </summary>
public static class Milestones
{
    public static IReadOnlyList<Milestone> For(TreatmentCourse course, EngraftmentReport? report, DateOnly today)
    {
        var list = new List<Milestone>();
        if (course.DayZero is not { } zero) return list;
        list.Add(new Milestone(MilestoneKind.DayZero, "Day 0: stem cells reinfused", zero));
        if (report is not null)
        {
            list.Add(Computed("Neutrophil engraftment (computed, ANC ≥ 0.5)", report.Neutrophils, course.DeclaredNeutrophilEngraftment));
            list.Add(Computed("Platelet engraftment ≥ 20 (computed)", report.Platelets20, course.DeclaredPlateletEngraftment));
            list.Add(Computed("Platelet engraftment ≥ 50 (computed)", report.Platelets50, null));
        }
        if (course.DeclaredNeutrophilEngraftment is { } n)
            list.Add(new Milestone(MilestoneKind.EngraftmentDeclared, "Neutrophil engraftment (declared by the clinic)", n));
        if (course.DeclaredPlateletEngraftment is { } p)
            list.Add(new Milestone(MilestoneKind.EngraftmentDeclared, "Platelet engraftment (declared by the clinic)", p));
        foreach (var discharge in course.Phases.Where(ph => ph.Phase == Phase.Discharge && ph.Started is not null))
            list.Add(new Milestone(MilestoneKind.Discharge, "Discharged home", discharge.Started));
        foreach (var birthday in StemCellBirthdays.Until(zero, today))
            list.Add(new Milestone(MilestoneKind.Anniversary, Capitalise(birthday.Label), birthday.Date));
        if (StemCellBirthdays.Next(zero, today.AddDays(1)) is { } next)
            list.Add(new Milestone(MilestoneKind.Anniversary, Capitalise(next.Label) + " (coming)", next.Date));
        return list.OrderBy(m => m.Date ?? DateOnly.MaxValue).ToList();
    }

    /// <summary>A computed outcome in words: the four outcomes of domain/hsct.md §5.</summary>
    private static Milestone Computed(string title, EngraftmentOutcome outcome, DateOnly? declared) =>
        new(MilestoneKind.EngraftmentComputed, title, (outcome as EngraftmentOutcome.Engrafted)?.Date, Describe(outcome, declared), outcome.Status);

    /// <summary>Why there is no computed date, in words; null when there is one.</summary>
    public static string? Describe(EngraftmentOutcome outcome, DateOnly? declared) => outcome switch
    {
        EngraftmentOutcome.Engrafted => null,
        EngraftmentOutcome.NotYet n => "Not yet: " + n.Reason,
        EngraftmentOutcome.NeverBelow b => "Never below the threshold (CIBMTR: not applicable): " + b.Reason,
        // §5 outcome 4: say so and show the clinic's declared date if there is one.
        EngraftmentOutcome.CannotCompute c => "Cannot be computed: " + c.Reason
            + (declared is { } d ? $" The clinic declared {TreatmentText.Iso(d)}." : ""),
        _ => null,
    };

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
