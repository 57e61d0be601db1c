using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Treatment;

namespace HsctJournals.Web.Startup.Demo;

/// <summary>
/// The demo patient's treatment record, with dates that match her posts (Day 0 reinfusion, fever
/// on Day +3, nadir on Day +6, a platelet bag on Day +7, neutrophils 0.52 / 0.74 / 1.30 on Days
/// +8 to +10, home on Day +15, EDSS 4.0 before and 3.0 at six months). Counts are entered in the
/// mixed units real printouts use; invented, not medical advice.
/// </summary>
public static class DemoTreatment
{
    /// <summary>Day → (WBC, ANC, platelets, Hb g/dL), as the ward's daily bloods.</summary>
    private static readonly (int Day, decimal Wbc, decimal Anc, decimal Plt, decimal Hb)[] Daily =
    [
        (-7, 5.8m, 3.9m, 210m, 12.1m), (-6, 6.2m, 4.1m, 205m, 12.0m), (-5, 7.9m, 6.8m, 190m, 11.8m), (-4, 6.1m, 5.2m, 170m, 11.5m),
        (-3, 4.0m, 3.3m, 150m, 11.2m), (-2, 2.6m, 2.1m, 132m, 10.9m), (-1, 1.7m, 1.4m, 115m, 10.6m), (0, 1.1m, 0.9m, 96m, 10.4m),
        (1, 0.7m, 0.5m, 70m, 10.0m), (2, 0.4m, 0.22m, 52m, 9.6m), (3, 0.2m, 0.08m, 38m, 9.1m), (4, 0.1m, 0.04m, 27m, 8.8m),
        (5, 0.1m, 0.02m, 19m, 8.5m), (6, 0.05m, 0.01m, 14m, 8.2m), (7, 0.3m, 0.12m, 9m, 8.0m), (8, 0.9m, 0.52m, 18m, 8.3m),
        (9, 1.2m, 0.74m, 24m, 8.4m), (10, 2.0m, 1.30m, 31m, 8.6m), (11, 2.6m, 1.8m, 35m, 8.8m), (12, 3.1m, 2.2m, 41m, 9.0m),
        (13, 3.6m, 2.6m, 47m, 9.1m), (14, 4.0m, 2.9m, 52m, 9.2m), (15, 4.6m, 3.4m, 72m, 9.6m), (16, 4.5m, 3.2m, 80m, 9.7m),
        (17, 4.7m, 3.3m, 88m, 9.8m), (18, 4.8m, 3.5m, 97m, 9.9m), (19, 4.9m, 3.4m, 105m, 10.0m), (20, 5.0m, 3.6m, 118m, 10.2m),
        (21, 4.9m, 3.5m, 126m, 10.3m), (22, 5.1m, 3.8m, 140m, 10.5m),
        (45, 4.6m, 2.9m, 168m, 11.4m), (100, 5.4m, 3.6m, 221m, 12.4m), (180, 5.6m, 3.5m, 240m, 13.0m),
    ];

    public static void AddTo(JournalsDbContext db, TreatmentCourse course, DateOnly dayZero, DateTime now)
    {
        DateOnly D(int day) => dayZero.AddDays(day);
        course.Sharing = TreatmentSharing.JournalReaders;
        course.DeclaredNeutrophilEngraftment = D(10); // "engrafted!" post: the unit declares on the third value
        course.InfusedCd34PerKg = 5.8m; // the whole one-session harvest went back on Day 0 (domain/hsct.md §4)

        var rows = new List<LabRowInput>();
        void Add(int day, string analyte, decimal value, string unit) => rows.Add(new LabRowInput
        {
            Date = TreatmentText.Iso(D(day)), Time = "07:00", Analyte = analyte, Value = TreatmentText.Number(value), Unit = unit,
        });
        foreach (var (day, wbc, anc, plt, hb) in Daily)
        {
            // The ward printout writes 10^9/L; the outpatient lab (odd days, later visits) K/µL and g/L.
            var odd = Math.Abs(day) % 2 == 1 || day > 22;
            Add(day, "WBC", wbc, odd ? "K/µL" : "10^9/L");
            if (day is 8 or 9) Add(day, "ANC", anc * 1000m, "cells/µL"); // as the nurse read them out: 520, 740
            else Add(day, "neutrophils", anc, odd ? "K/µL" : "10^9/L");
            Add(day, "PLT", plt, odd ? "K/µL" : "10^9/L");
            if (odd && day is not (3 or 7 or 15)) Add(day, "Hb", hb * 10m, "g/L");
            else Add(day, "Hb", hb, "g/dL");
        }
        Add(180, "lymphocytes", 1.1m, "10^9/L");
        Add(-23, "CD34", 46m, "cells/µL");
        foreach (var row in rows)
        {
            var check = LabRows.Check(course.Id, row, now);
            if (check.Result is null) throw new InvalidOperationException("Demo lab row: " + check.Error);
            db.LabResults.Add(check.Result);
        }

        TreatmentEvent Event(int day, TreatmentEventType type, decimal? value = null, string? detail = null, int? grade = null, string? note = null, Domain.Treatment.TransfusionProduct? product = null) =>
            new() { CourseId = course.Id, Date = D(day), Type = type, Value = value, Detail = detail, Grade = grade, Note = note, Product = product, CreatedAt = now };
        db.TreatmentEvents.AddRange(
            Event(-60, TreatmentEventType.Edss, 4.0m, note: "Work-up"),
            Event(-60, TreatmentEventType.TimedWalk, 8.4m),
            Event(-20, TreatmentEventType.Harvest, 5.8m, note: "One session"),
            Event(-5, TreatmentEventType.Fever, 38.9m, "ATG reaction"),
            Event(3, TreatmentEventType.Fever, 38.4m, note: "Cultures negative; IV antibiotics"),
            Event(5, TreatmentEventType.Complication, detail: "Mucositis", grade: 2),
            Event(7, TreatmentEventType.Transfusion, note: "Platelets 9 in the morning", product: Domain.Treatment.TransfusionProduct.Platelets),
            Event(100, TreatmentEventType.Edss, 4.0m),
            Event(100, TreatmentEventType.TimedWalk, 7.9m),
            Event(180, TreatmentEventType.Edss, 3.0m),
            Event(180, TreatmentEventType.Mri, detail: "Stable: no new or enhancing lesions"));

        PhaseRecord Phase(Phase phase, int day) => new() { CourseId = course.Id, Phase = phase, Planned = D(day), Started = D(day) };
        db.TreatmentPhases.AddRange(
            Phase(Domain.Treatment.Phase.Evaluation, -60), Phase(Domain.Treatment.Phase.Mobilisation, -30), Phase(Domain.Treatment.Phase.Apheresis, -20),
            Phase(Domain.Treatment.Phase.Storage, -19), Phase(Domain.Treatment.Phase.Conditioning, -5), Phase(Domain.Treatment.Phase.Reinfusion, 0),
            Phase(Domain.Treatment.Phase.Aplasia, 1), Phase(Domain.Treatment.Phase.Engraftment, 10), Phase(Domain.Treatment.Phase.Discharge, 15),
            Phase(Domain.Treatment.Phase.EarlyRecovery, 16));
        if (PhaseMachine.CheckHistory(db.ChangeTracker.Entries<PhaseRecord>().Select(e => new PhaseEntry(e.Entity.Phase, e.Entity.EffectiveDate)).ToList()) is { IsAllowed: false } bad)
            throw new InvalidOperationException("Demo phases: " + bad.Reason);

        db.DrugLines.AddRange(
            new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Mobilisation, GenericName = "cyclophosphamide", Dose = 2m, Unit = "g/m²", Basis = DoseBasis.PerSquareMetre, WeightKg = 68m, HeightCm = 168m, Route = "IV", StartDate = D(-30), EndDate = D(-30) },
            new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Mobilisation, GenericName = "filgrastim", Brand = "G-CSF", Dose = 10m, Unit = "µg/kg/day", Basis = DoseBasis.PerKg, WeightKg = 68m, Route = "SC", StartDate = D(-25), EndDate = D(-20) },
            new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Conditioning, GenericName = "cyclophosphamide", Dose = 50m, Unit = "mg/kg/day", Basis = DoseBasis.PerKg, WeightKg = 68m, Route = "IV", StartDate = D(-5), EndDate = D(-2) },
            new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Conditioning, GenericName = "anti-thymocyte globulin (rabbit)", Route = "IV", StartDate = D(-5), EndDate = D(-1) });
        db.PriorTherapies.AddRange(
            new PriorTherapy { CourseId = course.Id, GenericName = "dimethyl fumarate", Brand = "Tecfidera", Started = D(-60 - 365 * 4), Stopped = D(-60 - 365 * 2), ReasonStopped = "Two relapses in a year" },
            new PriorTherapy { CourseId = course.Id, GenericName = "ocrelizumab", Brand = "Ocrevus", Started = D(-60 - 365 * 2 + 30), Stopped = D(-60 - 213), LastDose = D(-60 - 213), ReasonStopped = "Relapse and new MRI lesions on treatment" });
        db.FollowUpItems.AddRange(FollowUpTemplate.Items(dayZero).Select(t => new FollowUpItem
        {
            CourseId = course.Id, Title = t.Title, Due = t.Due, Note = t.Note, Uid = Guid.NewGuid().ToString("N") + "@hsct-journals", Done = t.Due < D(180),
        }));
    }
}
