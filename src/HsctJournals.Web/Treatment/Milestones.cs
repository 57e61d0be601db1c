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
            list.Add(Computed("Neutrophil engraftment (computed, ANC ≥ 0.5)", report.Neutrophils));
            list.Add(Computed("Platelet engraftment ≥ 20 (computed)", report.Platelets20));
            list.Add(Computed("Platelet engraftment ≥ 50 (computed)", report.Platelets50));
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

    private static Milestone Computed(string title, EngraftmentOutcome outcome) => outcome switch
    {
        EngraftmentOutcome.Engrafted e => new Milestone(MilestoneKind.EngraftmentComputed, title, e.Date),
        EngraftmentOutcome.NotYet n => new Milestone(MilestoneKind.EngraftmentComputed, title, null, "Not yet: " + n.Reason),
        EngraftmentOutcome.NotApplicable a => new Milestone(MilestoneKind.EngraftmentComputed, title, null, "Not applicable: " + a.Reason),
        _ => new Milestone(MilestoneKind.EngraftmentComputed, title, null),
    };

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
