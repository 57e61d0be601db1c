using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>Records, re-dates and removes phases; the order and "before Day 0" are <see cref="PhaseMachine"/>'s rules (domain/hsct.md §1, §2). Recording the reinfusion sets Day 0. Shared by the pages and the API; errors are keyed by input property name.</summary>
public sealed class PhaseRecorder(JournalsDbContext db, CourseStore store)
{
    /// <summary>
    /// Records the next phase. <see cref="PhaseMachine"/> decides whether it may follow the last
    /// recorded one on that date; its reason is returned as the "Phase" error. Recording the
    /// reinfusion sets Day 0 to its date (§1: reinfusion = Day 0).
    /// </summary>
    public async Task<EditResult<PhaseRecord>> AddPhaseAsync(TreatmentCourse course, PhaseInput input, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        var errors = new FieldErrors();
        var planned = TreatmentText.ParseDate(input.Planned, nameof(input.Planned), "The planned date", errors);
        var started = TreatmentText.ParseDate(input.Started, nameof(input.Started), "The actual date", errors);
        var note = TreatmentText.Clean(input.Note, 300, nameof(input.Note), errors);
        if (planned is null && started is null && !errors.Any) errors.Add(nameof(input.Started), "Give the date it started, or the date it is planned.");
        if (!Enum.IsDefined(input.Phase)) errors.Add(nameof(input.Phase), "Choose a phase.");
        if (errors.Any) return errors.Fail<PhaseRecord>();

        var record = new PhaseRecord { CourseId = course.Id, Phase = input.Phase, Planned = planned, Started = started, Note = note };
        var history = await db.TreatmentPhases.Where(p => p.CourseId == course.Id).OrderBy(p => p.Id).ToListAsync(ct);
        // domain/hsct.md §1, §2: the order and "before Day 0" are the PhaseMachine's rules.
        var check = PhaseMachine.CheckNext(history.Select(p => new PhaseEntry(p.Phase, p.EffectiveDate)).ToList(),
            new PhaseEntry(record.Phase, record.EffectiveDate), course.DayZero);
        if (!check.IsAllowed) return CourseStore.Fail<PhaseRecord>(nameof(input.Phase), check.Reason!);

        db.TreatmentPhases.Add(record);
        if (record.Phase == Phase.Reinfusion) course.DayZero = record.EffectiveDate;
        await store.SaveAsync(course, ct);
        return EditResult<PhaseRecord>.Ok(record);
    }

    /// <summary>Changes a recorded phase's dates (e.g. the planned date became the actual one); the whole history is checked again.</summary>
    public async Task<EditResult<PhaseRecord>> UpdatePhaseAsync(TreatmentCourse course, int phaseId, PhaseInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var history = await db.TreatmentPhases.Where(p => p.CourseId == course.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var record = history.FirstOrDefault(p => p.Id == phaseId);
        if (record is null) { errors.Add(nameof(input.Phase), "That phase is not in this course."); return errors.Fail<PhaseRecord>(); }
        var planned = TreatmentText.ParseDate(input.Planned, nameof(input.Planned), "The planned date", errors);
        var started = TreatmentText.ParseDate(input.Started, nameof(input.Started), "The actual date", errors);
        if (planned is null && started is null && !errors.Any) errors.Add(nameof(input.Started), "Give the date it started, or the date it is planned.");
        if (errors.Any) return errors.Fail<PhaseRecord>();
        var entries = history.Select(p => p.Id == phaseId
            ? new PhaseEntry(p.Phase, started ?? planned!.Value) : new PhaseEntry(p.Phase, p.EffectiveDate)).ToList();
        var check = PhaseMachine.CheckHistory(entries);
        // A moved reinfusion moves Day 0; either way no pre-transplant phase may start after it.
        var dayZero = record.Phase == Phase.Reinfusion ? started ?? planned : course.DayZero;
        if (check.IsAllowed && dayZero is { } zero) check = PhaseMachine.CheckDayZero(entries, zero);
        if (!check.IsAllowed) return CourseStore.Fail<PhaseRecord>(nameof(input.Phase), check.Reason!);
        record.Planned = planned;
        record.Started = started;
        if (record.Phase == Phase.Reinfusion) course.DayZero = record.EffectiveDate;
        await store.SaveAsync(course, ct);
        return EditResult<PhaseRecord>.Ok(record);
    }

    /// <summary>Removes the most recent phase (an entry made by mistake); earlier ones stay consistent.</summary>
    public async Task RemoveLastPhaseAsync(TreatmentCourse course, CancellationToken ct)
    {
        var last = await db.TreatmentPhases.Where(p => p.CourseId == course.Id).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (last is null) return;
        db.TreatmentPhases.Remove(last);
        await store.SaveAsync(course, ct);
    }
}
